// A service set up for the casework tests (cases, invitations, answers): two areas, one member
// of staff per role (two case managers in the north), a second service, and questionnaires for
// children (End of Order, a staged self-assessment, Tell Us) and for victims.
import type { staffUsers } from '../../db/schema.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import type { TestApp } from './app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ, MINI_TELL_US } from './fixtures.ts';

type Staff = typeof staffUsers.$inferSelect;
const en = (s: string) => ({ en: s });

export const MINI_VICTIM: Definition = {
  schemaVersion: 1,
  slug: 'mini-victim',
  kind: 'victim_satisfaction',
  audience: 'victim',
  languages: ['en'],
  title: en('How did we do for you?'),
  intro: en('Tell us about the contact you had with us.'),
  thanks: en('Thank you.'),
  questions: [
    { id: 'kept_informed', type: 'yes_no', title: en('Were you kept informed?') },
    { id: 'still_unsafe', type: 'yes_no', title: en('Do you still feel unsafe?'), options: [
      { value: 'yes', label: en('Yes'), concern: true },
      { value: 'no', label: en('No'), positive: true },
    ] },
  ],
};

export const MINI_SELF_ASSESSMENT: Definition = {
  schemaVersion: 1,
  slug: 'mini-self-assessment',
  kind: 'self_assessment',
  audience: 'child',
  staged: true,
  languages: ['en'],
  title: en('How are things going?'),
  intro: en('Your worker will read this.'),
  thanks: en('Thank you.'),
  questions: [
    { id: 'school', type: 'rating', min: 1, max: 5, title: en('School'), domain: 'school' },
    { id: 'helped', type: 'multiple_choice', title: en('What helped?'), maxChoices: 2, options: ['family', 'friends', 'worker'].map((v) => ({ value: v, label: en(`My ${v}`) })) },
  ],
};

export type Role = 'caseManager' | 'otherCaseManager' | 'southCaseManager' | 'northManager' | 'admin' | 'victimLiaison' | 'participationLead' | 'boardMember' | 'otherServiceCaseManager' | 'otherServiceAdmin';

export interface Casework {
  serviceId: string;
  otherServiceId: string;
  north: { id: string; name: string };
  south: { id: string; name: string };
  otherNorth: { id: string };
  people: Record<Role, Staff>;
  questionnaires: { eooq: string; eooqVersion: string; selfAssessment: string; victim: string; victimVersion: string; tellUs: string; otherServiceEooq: string };
}

export async function setUpCasework(t: TestApp): Promise<Casework> {
  const { db } = t.deps;
  const { service, north, south } = await makeService(db);
  const other = await makeService(db);
  const people: Record<Role, Staff> = {
    caseManager: await makeStaff(db, service.id, 'case_manager', north.id),
    otherCaseManager: await makeStaff(db, service.id, 'case_manager', north.id),
    southCaseManager: await makeStaff(db, service.id, 'case_manager', south.id),
    northManager: await makeStaff(db, service.id, 'team_manager', north.id),
    admin: await makeStaff(db, service.id, 'service_admin'),
    victimLiaison: await makeStaff(db, service.id, 'victim_liaison'),
    participationLead: await makeStaff(db, service.id, 'participation_lead'),
    boardMember: await makeStaff(db, service.id, 'board_member'),
    otherServiceCaseManager: await makeStaff(db, other.service.id, 'case_manager', other.north.id),
    otherServiceAdmin: await makeStaff(db, other.service.id, 'service_admin'),
  };
  const eooq = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  const selfAssessment = await makeQuestionnaire(db, service.id, MINI_SELF_ASSESSMENT);
  const victim = await makeQuestionnaire(db, service.id, MINI_VICTIM);
  const tellUs = await makeQuestionnaire(db, service.id, MINI_TELL_US, true);
  const otherEooq = await makeQuestionnaire(db, other.service.id, MINI_EOOQ);
  return {
    serviceId: service.id,
    otherServiceId: other.service.id,
    north: { id: north.id, name: north.name },
    south: { id: south.id, name: south.name },
    otherNorth: { id: other.north.id },
    people,
    questionnaires: {
      eooq: eooq.questionnaire.id,
      eooqVersion: eooq.version.id,
      selfAssessment: selfAssessment.questionnaire.id,
      victim: victim.questionnaire.id,
      victimVersion: victim.version.id,
      tellUs: tellUs.questionnaire.id,
      otherServiceEooq: otherEooq.questionnaire.id,
    },
  };
}

/** The id in a "303 See Other" to /staff/cases/{id}. */
export const caseIdFrom = (res: Response) => /\/staff\/cases\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1];

/** The code shown once on the "invitation ready" page. */
export const codeFrom = (html: string) => /data-code="([A-Z0-9]{13})"/.exec(html)?.[1];

/** The text of an HTML page with tags removed and whitespace collapsed, for reading like a person. */
export const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
