// Two services with real rows of every kind, made through the real pipeline (submissions raise
// alerts, outbox rows, Tell Us items and complaints), for the hostile tests: service A holds the
// data, its North and South areas hold one of each area-scoped row, and service B is where the
// attacker works. Every identifying value is a unique marker, so a leak can be found by search.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { answers, outbox, staffUsers, type StaffRole } from '../../db/schema.ts';
import { rowsOf } from '../../db/rows.ts';
import { issueApiToken } from '../../server/api/tokens.ts';
import { createTheme } from '../../server/comments/themes.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import type { StaffPrincipal } from '../../server/staff/principal.ts';
import { issueLink } from '../../server/staff/one-time-links.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createChange } from '../../server/you-said-we-did/store.ts';
import type { TestApp } from './app.ts';
import { MINI_VICTIM } from './casework.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from './fixtures.ts';
import { makeInvitation } from './respond.ts';

type StaffRow = typeof staffUsers.$inferSelect;
const en = (s: string) => ({ en: s });

/** Tell Us with a contact question, so complaints carry contact details as the real form does. */
export const TELL_US_WITH_CONTACT: Definition = {
  schemaVersion: 1,
  slug: 'hostile-tell-us',
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
    { id: 'contact', type: 'contact', title: en('How can we reach you?'), fields: ['name', 'phone', 'email'] },
  ],
};

/** A questionnaire only service A has (its slug is the id in questionnaire addresses). */
export const A_ONLY: Definition = { ...MINI_EOOQ, slug: 'alpha-only-survey', title: en('Alpha only survey title ZQX') };

export const principalOf = (u: StaffRow): StaffPrincipal => ({ kind: 'staff', id: u.id, serviceId: u.serviceId, areaId: u.areaId, role: u.role, name: u.name, email: u.email });

/** The rows of one area (or of a victim) in service A. */
export interface AreaRows {
  caseId: string;
  caseReference: string;
  invitationId: string;
  /** A response with free text and a concern (so an alert and an outbox row). */
  responseId: string;
  alertId: string;
  /** A free-text answer's id: comments are addressed as `a-{answerId}`. */
  answerId: number;
  tellUsId: string;
  complaintId: string;
  complaintTellUsId: string;
  youSaidWeDidId: string;
  /** Values that identify this area's people or carry their words. */
  secrets: string[];
}

export interface World {
  a: {
    serviceId: string;
    north: { id: string; slug: string; name: string };
    south: { id: string; slug: string; name: string };
    people: Record<'admin' | 'caseManager' | 'southCaseManager' | 'teamManager' | 'southTeamManager' | 'victimLiaison' | 'participationLead' | 'boardMember', StaffRow>;
    northRows: AreaRows;
    southRows: AreaRows;
    victim: { caseId: string; caseReference: string; responseId: string; alertId: string; answerId: number; secrets: string[] };
    themeId: string;
    serviceWideYouSaidWeDidId: string;
    apiTokenId: string;
    apiToken: string;
    outboxId: number;
    questionnaireSlug: string;
    questionnaireId: string;
    inviteToken: string;
    resetToken: string;
    /** Every identifying value of service A. */
    secrets: string[];
  };
  b: {
    serviceId: string;
    north: { id: string };
    people: Record<'admin' | 'caseManager' | 'teamManager' | 'victimLiaison' | 'participationLead', StaffRow>;
    apiToken: string;
  };
}

let counter = 0;
/** A marker nobody could write by chance. */
const marker = (what: string) => `${what}-${process.pid}-${++counter}-${randomUUID().slice(0, 8)}`;

async function submit(t: TestApp, o: { serviceId: string; versionId: string; caseId?: string | null; areaId?: string | null; answers: Record<string, unknown>; invitationId?: string }) {
  return submitResponse(t.deps, {
    responseId: randomUUID(),
    serviceId: o.serviceId,
    areaId: o.areaId ?? null,
    caseId: o.caseId ?? null,
    invitationId: o.invitationId ?? null,
    questionnaireVersionId: o.versionId,
    channel: o.invitationId ? 'personal_link' : 'open_link',
    answers: o.answers as never,
  });
}

async function textAnswerId(t: TestApp, responseId: string, questionId: string): Promise<number> {
  const [row] = await t.deps.db.select({ id: answers.id }).from(answers).where(and(eq(answers.responseId, responseId), eq(answers.questionId, questionId)));
  return row!.id;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { db, clock } = t.deps;
  const A = await makeService(db);
  const B = await makeService(db);
  const mk = (s: string, role: StaffRole, area: string | null = null) => makeStaff(db, s, role, area);
  const aPeople = {
    admin: await mk(A.service.id, 'service_admin'),
    caseManager: await mk(A.service.id, 'case_manager', A.north.id),
    southCaseManager: await mk(A.service.id, 'case_manager', A.south.id),
    teamManager: await mk(A.service.id, 'team_manager', A.north.id),
    southTeamManager: await mk(A.service.id, 'team_manager', A.south.id),
    victimLiaison: await mk(A.service.id, 'victim_liaison'),
    participationLead: await mk(A.service.id, 'participation_lead'),
    boardMember: await mk(A.service.id, 'board_member'),
  };
  const bPeople = {
    admin: await mk(B.service.id, 'service_admin'),
    caseManager: await mk(B.service.id, 'case_manager', B.north.id),
    teamManager: await mk(B.service.id, 'team_manager', B.north.id),
    victimLiaison: await mk(B.service.id, 'victim_liaison'),
    participationLead: await mk(B.service.id, 'participation_lead'),
  };
  const eooq = await makeQuestionnaire(db, A.service.id, A_ONLY);
  const tellUs = await makeQuestionnaire(db, A.service.id, TELL_US_WITH_CONTACT, true);
  const victimQ = await makeQuestionnaire(db, A.service.id, MINI_VICTIM);
  // Service B has questionnaires of its own with the common slugs, as any real service would.
  await makeQuestionnaire(db, B.service.id, MINI_EOOQ);
  await makeQuestionnaire(db, B.service.id, TELL_US_WITH_CONTACT, true);

  const adminA = principalOf(aPeople.admin);
  const themeName = marker('ThemeAlpha');
  const themeId = await createTheme(db, clock, adminA, themeName);

  async function areaRows(area: { id: string }, owner: StaffRow, label: string): Promise<AreaRows> {
    const secrets: string[] = [];
    const kase = await makeCase(db, { serviceId: A.service.id, areaId: area.id, ownerId: owner.id });
    secrets.push(kase.caseReference);
    // One invitation used by the response below, one left open.
    const used = await makeInvitation(db, { serviceId: A.service.id, areaId: area.id, caseId: kase.id, questionnaireId: eooq.questionnaire.id, expiresAt: new Date(clock.now().getTime() + 14 * 864e5) });
    const open = await makeInvitation(db, { serviceId: A.service.id, areaId: area.id, caseId: kase.id, questionnaireId: eooq.questionnaire.id, expiresAt: new Date(clock.now().getTime() + 14 * 864e5) });
    const free = marker(`${label}FreeText`);
    const more = marker(`${label}TellMore`);
    const name = marker(`${label}ContactName`);
    const phone = `07700 9${String(900000 + ++counter).slice(-5)}`;
    secrets.push(free, more, name, phone);
    const sent = await submit(t, {
      serviceId: A.service.id,
      versionId: eooq.version.id,
      invitationId: used.invitation.id,
      answers: { views_taken_seriously: 'most', feel_safe: 'no', tell_more: more, good: free, contact: { name, phone } },
    });
    const comment = marker(`${label}TellUsComment`);
    const complaint = marker(`${label}ComplaintText`);
    const complainant = marker(`${label}ComplainantName`);
    const email = `${marker('complainant').toLowerCase()}@example.test`;
    secrets.push(comment, complaint, complainant, email);
    const tellUsComment = await submit(t, { serviceId: A.service.id, versionId: tellUs.version.id, areaId: area.id, caseId: kase.id, answers: { feedback_type: 'comment', message: comment, wants_reply: 'no' } });
    const tellUsComplaint = await submit(t, {
      serviceId: A.service.id,
      versionId: tellUs.version.id,
      areaId: area.id,
      answers: { feedback_type: 'complaint', message: complaint, wants_reply: 'yes', contact: { name: complainant, email } },
    });
    const youSaid = marker(`${label}YouSaid`);
    secrets.push(youSaid);
    const yswd = await createChange(db, clock, adminA, { serviceId: A.service.id, areaId: null }, {
      youSaid,
      weDid: marker(`${label}WeDid`),
      whatNext: null,
      happenedOn: new Date(clock.now().getTime() - 864e5),
      areaId: area.id,
      themeId,
    });
    return {
      caseId: kase.id,
      caseReference: kase.caseReference,
      invitationId: open.invitation.id,
      responseId: sent.responseId,
      alertId: sent.alertIds[0]!,
      answerId: await textAnswerId(t, sent.responseId, 'good'),
      tellUsId: tellUsComment.tellUsItemId!,
      complaintId: tellUsComplaint.complaintId!,
      complaintTellUsId: tellUsComplaint.tellUsItemId!,
      youSaidWeDidId: yswd,
      secrets,
    };
  }

  const northRows = await areaRows(A.north, aPeople.caseManager, 'North');
  const southRows = await areaRows(A.south, aPeople.southCaseManager, 'South');

  // A victim's case, wrongly held by a child's case manager: the case manager still never sees the victim's answers.
  const victimCase = await makeCase(db, { serviceId: A.service.id, areaId: A.north.id, ownerId: aPeople.caseManager.id, kind: 'victim' });
  const victimWords = marker('VictimWords');
  const victimQuestionnaire = { ...MINI_VICTIM, questions: [...MINI_VICTIM.questions, { id: 'say', type: 'long_text' as const, title: en('Anything else?') }] };
  const victimV2 = await db.execute(sql`insert into questionnaire_versions (questionnaire_id, version, definition) values (${victimQ.questionnaire.id}, 2, ${JSON.stringify(victimQuestionnaire)}::jsonb) returning id`);
  const victimVersionId = rowsOf<{ id: string }>(victimV2)[0]!.id;
  const victimSent = await submit(t, { serviceId: A.service.id, versionId: victimVersionId, caseId: victimCase.id, answers: { kept_informed: 'no', still_unsafe: 'yes', say: victimWords } });

  const serviceWide = await createChange(db, clock, adminA, { serviceId: A.service.id, areaId: null }, {
    youSaid: marker('ServiceWideYouSaid'),
    weDid: marker('ServiceWideWeDid'),
    whatNext: null,
    happenedOn: new Date(clock.now().getTime() - 864e5),
    areaId: null,
    themeId: null,
  });

  const tokenName = marker('AlphaTokenName');
  const aToken = await issueApiToken(db, clock, { serviceId: A.service.id, name: tokenName, createdBy: aPeople.admin.id, actor: adminA });
  const bToken = await issueApiToken(db, clock, { serviceId: B.service.id, name: 'B integration', createdBy: bPeople.admin.id, actor: principalOf(bPeople.admin) });
  const [anOutbox] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.serviceId, A.service.id)).limit(1);
  const invite = await issueLink(db, clock, { purpose: 'invite', serviceId: A.service.id, userId: aPeople.boardMember.id, createdBy: aPeople.admin.id });
  const reset = await issueLink(db, clock, { purpose: 'reset', serviceId: A.service.id, userId: aPeople.caseManager.id, createdBy: aPeople.admin.id });

  const emails = Object.values(aPeople).map((p) => p.email);
  return {
    a: {
      serviceId: A.service.id,
      north: { id: A.north.id, slug: A.north.slug, name: A.north.name },
      south: { id: A.south.id, slug: A.south.slug, name: A.south.name },
      people: aPeople,
      northRows,
      southRows,
      victim: { caseId: victimCase.id, caseReference: victimCase.caseReference, responseId: victimSent.responseId, alertId: victimSent.alertIds[0]!, answerId: await textAnswerId(t, victimSent.responseId, 'say'), secrets: [victimCase.caseReference, victimWords] },
      themeId,
      serviceWideYouSaidWeDidId: serviceWide,
      apiTokenId: aToken.id,
      apiToken: aToken.token,
      outboxId: anOutbox!.id,
      questionnaireSlug: A_ONLY.slug,
      questionnaireId: eooq.questionnaire.id,
      inviteToken: invite.token,
      resetToken: reset.token,
      secrets: [...northRows.secrets, ...southRows.secrets, victimCase.caseReference, victimWords, themeName, tokenName, 'Alpha only survey title ZQX', ...emails],
    },
    b: {
      serviceId: B.service.id,
      north: { id: B.north.id },
      people: bPeople,
      apiToken: bToken.token,
    },
  };
}

/** The values among `secrets` that appear in `body` (none, when nothing leaked). */
export function leaked(body: string, secrets: string[]): string[] {
  const plain = body.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');
  return secrets.filter((s) => plain.includes(s) || plain.toLowerCase().includes(s.toLowerCase()));
}

/**
 * Everything stored that a refused request must not change, as one comparable value (JSON of
 * table → rows). Bookkeeping that any authenticated call may touch is left out: when a session or
 * an API token was last used.
 */
export async function snapshot(t: TestApp): Promise<string> {
  const tables: Record<string, string> = {
    services: '*', areas: '*', staff_users: '*', api_tokens: 'id, service_id, name, token_hash, created_by, created_at, revoked_at', staff_invites: '*', questionnaires: '*',
    questionnaire_versions: '*', cases: '*', invitations: '*', responses: '*', answers: '*', contact_details: '*', alerts: '*', tell_us_items: '*', complaints: '*', themes: '*',
    comment_reviews: '*', comment_themes: '*', you_said_we_did: '*', you_said_we_did_comments: '*', outbox: '*', drafts: '*',
  };
  // One query for every table (one round trip, not one per table); each table is still its own text.
  const parts = Object.entries(tables).map(
    ([table, columns]) => `'${table}', (select coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text), '[]'::jsonb)::text from (select ${columns} from ${table}) x)`,
  );
  const rows = rowsOf<{ j: string }>(await t.deps.db.execute(sql.raw(`select json_build_object(${parts.join(', ')})::text as j`)));
  const out = JSON.parse(String(rows[0]?.j)) as Record<string, string>;
  return JSON.stringify(out);
}

/** Which tables differ between two snapshots. */
export function changedTables(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, string>;
  const b = JSON.parse(after) as Record<string, string>;
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}
