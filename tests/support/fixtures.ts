// Small, explicit test data: a service with two areas, staff, a case, and a questionnaire.
import type { Database } from '../../db/index.ts';
import { SETTING_KEYS } from '../../server/admin/settings.ts';
import { DEFAULT_SETTINGS } from '../../server/services/settings.ts';
import { areas, cases, questionnaireVersions, questionnaires, services, staffUsers, type StaffRole } from '../../db/schema.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';

let n = 0;
const unique = (p: string) => `${p}-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 7)}`;

export async function makeService(db: Database, settings: Record<string, unknown> = {}) {
  const [service] = await db.insert(services).values({ slug: unique('svc'), name: 'Test Youth Justice Service', settings }).returning();
  const [north, south] = await db
    .insert(areas)
    .values([
      { serviceId: service!.id, slug: unique('north'), name: 'North' },
      { serviceId: service!.id, slug: unique('south'), name: 'South' },
    ])
    .returning();
  return { service: service!, north: north!, south: south! };
}

export async function makeStaff(db: Database, serviceId: string, role: StaffRole, areaId: string | null = null) {
  const [user] = await db
    .insert(staffUsers)
    .values({ serviceId, areaId, role, email: `${unique(role)}@example.test`, name: `Test ${role}` })
    .returning();
  return user!;
}

export async function makeCase(db: Database, opts: { serviceId: string; areaId: string; ownerId?: string; kind?: 'child' | 'victim'; ethnicity?: string; createdAt?: Date }) {
  const [row] = await db
    .insert(cases)
    .values({
      serviceId: opts.serviceId,
      areaId: opts.areaId,
      ownerId: opts.ownerId,
      kind: opts.kind ?? 'child',
      caseReference: unique('CV').toUpperCase(),
      // A victim's case carries none of a child's reporting details.
      ...(opts.kind === 'victim' ? {} : { ageBand: '16-17', gender: 'Female', ethnicity: opts.ethnicity ?? 'White' }),
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    })
    .returning();
  return row!;
}

/** Stores a definition as version 1 of a new questionnaire (tests that do not exercise publishing). */
export async function makeQuestionnaire(db: Database, serviceId: string, definition: Definition, openLinkEnabled = false) {
  const [q] = await db
    .insert(questionnaires)
    .values({ serviceId, slug: definition.slug, kind: definition.kind, audience: definition.audience, openLinkEnabled })
    .returning();
  const [v] = await db.insert(questionnaireVersions).values({ questionnaireId: q!.id, version: 1, definition }).returning();
  return { questionnaire: q!, version: v! };
}

const en = (s: string) => ({ en: s });

/** A small questionnaire covering a scale, a safety question with a follow-up, free text and contact. */
export const MINI_EOOQ: Definition = {
  schemaVersion: 1,
  slug: 'mini-eooq',
  kind: 'end_of_order',
  audience: 'child',
  languages: ['en'],
  title: en('How did we do?'),
  intro: en('Your worker will read this.'),
  thanks: en('Thank you.'),
  questions: [
    { id: 'views_taken_seriously', type: 'frequency', title: en('Did staff take your views seriously?'), report: { statement: en('said staff took their views seriously all or most of the time') } },
    { id: 'feel_safe', type: 'yes_no', title: en('Do you feel safe?'), options: [
      { value: 'yes', label: en('Yes'), positive: true },
      { value: 'no', label: en('No'), concern: true },
      { value: 'not_sure', label: en('Not sure'), excludeFromBase: true },
    ] },
    { id: 'tell_more', type: 'long_text', title: en('Do you want to tell us more?'), showIf: { questionId: 'feel_safe', anyOf: ['no', 'not_sure'] } },
    { id: 'good', type: 'long_text', title: en('What was really good?') },
    { id: 'contact', type: 'contact', title: en('Can we contact you?'), fields: ['name', 'phone'] },
  ],
};

export const MINI_TELL_US: Definition = {
  schemaVersion: 1,
  slug: 'mini-tell-us',
  kind: 'tell_us',
  audience: 'child',
  languages: ['en'],
  title: en('Tell us'),
  intro: en('You can stay anonymous.'),
  thanks: en('Thank you.'),
  questions: [
    { id: 'feedback_type', type: 'single_choice', required: true, title: en('What would you like to tell us?'), options: ['comment', 'compliment', 'complaint', 'idea'].map((v) => ({ value: v, label: en(v) })) },
    { id: 'message', type: 'long_text', required: true, title: en('Tell us here') },
    { id: 'wants_reply', type: 'yes_no', title: en('Would you like us to reply?') },
  ],
};

/** The service settings form as the page sends it: every field at its default, with any given changed. */
export function settingsFormFields(changes: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(SETTING_KEYS.map((k) => [k, String(DEFAULT_SETTINGS[k])])), ...changes };
}
