// The one schema for both drivers (PGlite and postgres.js). Use nothing newer than PostgreSQL 15.
// Enumerations are text columns with a TypeScript union, so a later issue can add a value
// without an ALTER TYPE migration.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const STAFF_ROLES = [
  'service_admin',
  'team_manager',
  'case_manager',
  'victim_liaison',
  'participation_lead',
  'board_member',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const QUESTIONNAIRE_KINDS = [
  'end_of_order',
  'self_assessment',
  'tell_us',
  'victim_satisfaction',
  'parent_carer',
  'custom',
] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

export const AUDIENCES = ['child', 'victim', 'parent_carer', 'professional', 'staff', 'other'] as const;
export const STAGES = ['start', 'review', 'end', 'none'] as const;
export type Stage = (typeof STAGES)[number];
export const CASE_KINDS = ['child', 'victim'] as const;
export const RESPONSE_CHANNELS = ['personal_link', 'open_link', 'paper', 'phone', 'email', 'import'] as const;
/** How a victim would like the victim liaison officer to get in touch. */
export const VICTIM_CONTACT_PREFERENCES = ['phone', 'text', 'email', 'letter', 'in_person', 'through_someone'] as const;
export const TELL_US_TYPES = ['comment', 'compliment', 'complaint', 'idea'] as const;
export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'investigating', 'responded', 'closed'] as const;
export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
/** Stage 1 (local resolution) and stage 2 (a fresh investigation, on request); after stage 2, the ombudsman. */
export const COMPLAINT_STAGES = [1, 2] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];
/** What a dated entry on a complaint records. */
export const COMPLAINT_NOTE_KINDS = ['note', 'extension', 'stage_two'] as const;
/** The ombudsman a final response signposts: England's (LGSCO) or Wales's (PSOW). */
export const OMBUDSMEN = ['lgsco', 'psow'] as const;
export type Ombudsman = (typeof OMBUDSMEN)[number];
export const ALERT_KINDS = ['concern', 'please_review'] as const;

/** Service-wide settings; every field has a default so old rows stay valid as settings grow. */
export interface ServiceSettings {
  suppressionThreshold?: number;
  complaintAcknowledgeWorkingDays?: number;
  complaintRespondWorkingDays?: number;
  /** Working days to respond at stage 2, counted from the request. */
  complaintStageTwoRespondWorkingDays?: number;
  complaintOmbudsman?: Ombudsman;
  alertEscalationWorkingHours?: number;
  retentionMonths?: number;
  timeZone?: string;
  /** Working hours (local, whole hours): when alerts count as raised in hours. */
  workdayStartHour?: number;
  workdayEndHour?: number;
  /** Out-of-hours contact, e.g. the Emergency Duty Team. */
  outOfHoursName?: string;
  outOfHoursPhone?: string;
  outOfHoursEmail?: string;
  /** What happens to an alert raised out of hours that nobody acknowledges. */
  outOfHoursRule?: OutOfHoursRule;
  outOfHoursEscalationMinutes?: number;
  /** The outcomes a member of staff chooses from when closing an alert. */
  alertOutcomes?: string[];
}

export const OUT_OF_HOURS_RULES = ['escalate_to_out_of_hours', 'wait_for_working_hours'] as const;
export type OutOfHoursRule = (typeof OUT_OF_HOURS_RULES)[number];

/** One thing in a response that raised its alert: an answer, or a phrase in a written answer. */
export interface AlertConcern {
  kind: 'concern' | 'please_review';
  questionId: string;
}

// ── Tenancy ───────────────────────────────────────────────────────────────────────────────

export const services = pgTable('services', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<ServiceSettings>().notNull().default({}),
  createdAt: createdAt(),
});

export const areas = pgTable(
  'areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('areas_service_idx').on(t.serviceId)],
);

// ── Staff, sessions, tokens ───────────────────────────────────────────────────────────────

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** Null for service-wide roles; set for area-scoped roles (team and case managers). */
    areaId: uuid('area_id').references(() => areas.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    passwordHash: text('password_hash'),
    passwordChangedAt: ts('password_changed_at'),
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    disabledAt: ts('disabled_at'),
    /** The language this person reads the staff pages in ('en' or 'cy'), chosen in the page header. */
    language: text('language').notNull().default('en'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_users_service_email_idx').on(t.serviceId, sql`lower(${t.email})`), index('staff_users_service_idx').on(t.serviceId)],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 of the session token; the token itself only lives in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    /** True until the second factor is given, for users with TOTP. */
    awaitingSecondFactor: boolean('awaiting_second_factor').notNull().default(false),
    /**
     * Set while the worker has handed this device to a child (assisted mode): the draft they are
     * answering. Every staff page is locked until the worker's password is given again.
     */
    assistedDraftId: uuid('assisted_draft_id'),
    assistedSince: ts('assisted_since'),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

/** One-time links: an admin inviting staff, an admin resetting a password, first-run set-up. */
export const staffInvites = pgTable('staff_invites', {
  tokenHash: text('token_hash').primaryKey(),
  serviceId: uuid('service_id').references(() => services.id),
  userId: uuid('user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['invite', 'reset', 'setup'] }).notNull(),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  serviceId: uuid('service_id').notNull().references(() => services.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

// ── Questionnaires ────────────────────────────────────────────────────────────────────────

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: QUESTIONNAIRE_KINDS }).notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    /** The built-in instrument this one was copied from, if any. */
    basedOn: text('based_on'),
    /** Whether an open link (/s/{slug}/{questionnaire}) may be used. */
    openLinkEnabled: boolean('open_link_enabled').notNull().default(false),
    archivedAt: ts('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('questionnaires_service_slug_idx').on(t.serviceId, t.slug)],
);

/** Immutable once written: editing a questionnaire inserts a new version. */
export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id').notNull().references(() => questionnaires.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    publishedAt: createdAt(),
  },
  (t) => [uniqueIndex('questionnaire_versions_number_idx').on(t.questionnaireId, t.version)],
);

/**
 * The one editable draft of a questionnaire, built in the staff builder. Its definition may be
 * incomplete (no questions yet, a language half translated); it is checked as a whole only when
 * published, which turns it into the next immutable version and deletes the draft.
 */
export const questionnaireDrafts = pgTable(
  'questionnaire_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    slug: text('slug').notNull(),
    /** Set when the draft is the next version of a published questionnaire. */
    questionnaireId: uuid('questionnaire_id').references(() => questionnaires.id),
    /** The published version the draft started from (publishing over a newer one is refused). */
    baseVersion: integer('base_version'),
    definition: jsonb('definition').$type<unknown>().notNull(),
    /** The built-in or questionnaire it was copied from, if any. */
    basedOn: text('based_on'),
    /** Set once the author has looked at the preview of this draft. */
    previewedAt: ts('previewed_at'),
    /** Whether the open link may be used once published. */
    openLinkEnabled: boolean('open_link_enabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('questionnaire_drafts_service_slug_idx').on(t.serviceId, t.slug)],
);

// ── Cases and invitations ─────────────────────────────────────────────────────────────────

/** A child or a victim, known only by the case reference from the case management system. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').notNull().references(() => areas.id),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    caseReference: text('case_reference').notNull(),
    /** The case manager (children) or victim liaison officer (victims) who holds the case. */
    ownerId: uuid('owner_id').references(() => staffUsers.id),
    ageBand: text('age_band'),
    gender: text('gender'),
    ethnicity: text('ethnicity'),
    careStatus: text('care_status'),
    specialNeeds: text('special_needs'),
    /** The day a child's order or intervention ends (optional): for inviting those whose orders end this month. */
    orderEndsOn: date('order_ends_on', { mode: 'string' }),
    createdAt: createdAt(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    uniqueIndex('cases_reference_idx').on(t.serviceId, t.kind, t.caseReference),
    index('cases_owner_idx').on(t.ownerId),
    index('cases_area_idx').on(t.areaId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').notNull().references(() => areas.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    questionnaireId: uuid('questionnaire_id').notNull().references(() => questionnaires.id),
    stage: text('stage', { enum: STAGES }).notNull().default('none'),
    /** SHA-256 of the code; the code is shown once to the member of staff and never stored. */
    codeHash: text('code_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    openedAt: ts('opened_at'),
    submittedAt: ts('submitted_at'),
  },
  (t) => [index('invitations_case_idx').on(t.caseId), index('invitations_service_idx').on(t.serviceId, t.createdAt)],
);

// ── Drafts and responses ──────────────────────────────────────────────────────────────────

/** A respondent's answers so far. Resumable from the cookie (open links) or the invitation. */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the respondent cookie that owns this draft. */
    tokenHash: text('token_hash').notNull().unique(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').references(() => areas.id),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    questionnaireVersionId: uuid('questionnaire_version_id').notNull().references(() => questionnaireVersions.id),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** The response id the final submission will use, so a resent submission is the same one. */
    responseId: uuid('response_id').notNull().defaultRandom(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    submittedAt: ts('submitted_at'),
  },
  // By response id too: a submission marks its draft sent by the response id it carries.
  (t) => [index('drafts_invitation_idx').on(t.invitationId), index('drafts_expires_idx').on(t.expiresAt), index('drafts_response_idx').on(t.responseId)],
);

export const responses = pgTable(
  'responses',
  {
    /** Chosen by the client (idempotency key): sending the same submission twice stores it once. */
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').references(() => areas.id),
    questionnaireId: uuid('questionnaire_id').notNull().references(() => questionnaires.id),
    questionnaireVersionId: uuid('questionnaire_version_id').notNull().references(() => questionnaireVersions.id),
    /** Unique: a personal invitation can be used for one response only, enforced here. */
    invitationId: uuid('invitation_id').unique().references(() => invitations.id),
    caseId: uuid('case_id').references(() => cases.id),
    stage: text('stage', { enum: STAGES }).notNull().default('none'),
    channel: text('channel', { enum: RESPONSE_CHANNELS }).notNull(),
    /** The member of staff who keyed in a paper form or phone call, if any. */
    enteredBy: uuid('entered_by').references(() => staffUsers.id),
    language: text('language').notNull().default('en'),
    mode: text('mode', { enum: ['form', 'chat', 'staff'] }).notNull().default('form'),
    /** SHA-256 of the canonical submission, so a replay with a different body is refused. */
    bodyHash: text('body_hash').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    // Details reports need, copied from the case at submission (or from an import) so reports
    // and anonymisation never depend on the case row still existing.
    ageBand: text('age_band'),
    gender: text('gender'),
    ethnicity: text('ethnicity'),
    careStatus: text('care_status'),
    specialNeeds: text('special_needs'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => staffUsers.id),
    reviewNote: text('review_note'),
    /** Set when retention removed the link to a person; the answers stay for the aggregates. */
    anonymisedAt: ts('anonymised_at'),
  },
  (t) => [
    index('responses_report_idx').on(t.serviceId, t.questionnaireId, t.submittedAt),
    index('responses_area_idx').on(t.areaId, t.submittedAt),
    index('responses_case_idx').on(t.caseId),
  ],
);

/**
 * Normalised answers: one row per answered question, or per chosen option of a multiple choice.
 * `positive` and `concern` are worked out from the definition at submission, so reports never
 * re-read definitions.
 */
export const answers = pgTable(
  'answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    optionValue: text('option_value'),
    numericValue: integer('numeric_value'),
    textValue: text('text_value'),
    positive: boolean('positive'),
    concern: boolean('concern').notNull().default(false),
    /** Self-assessment domain (school, family, …) the question belongs to. */
    domain: text('domain'),
  },
  (t) => [index('answers_response_idx').on(t.responseId), index('answers_question_idx').on(t.questionId, t.optionValue)],
);

/** "Can we contact you?" details, kept apart from the answers and deleted once used. */
export const contactDetails = pgTable('contact_details', {
  id: uuid('id').primaryKey().defaultRandom(),
  responseId: uuid('response_id').notNull().unique().references(() => responses.id, { onDelete: 'cascade' }),
  serviceId: uuid('service_id').notNull().references(() => services.id),
  details: jsonb('details').$type<Record<string, string>>().notNull(),
  createdAt: createdAt(),
});

// ── Acting on feedback ────────────────────────────────────────────────────────────────────

export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').references(() => areas.id),
    responseId: uuid('response_id').notNull().references(() => responses.id),
    caseId: uuid('case_id').references(() => cases.id),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    /** Which questions raised it (ids only, never the answers). */
    questionIds: jsonb('question_ids').$type<string[]>().notNull().default([]),
    assignedTo: uuid('assigned_to').references(() => staffUsers.id),
    raisedAt: ts('raised_at').notNull(),
    /** 0 = with the case manager, 1 = escalated to the team manager, 2 = to the service admin. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    nextEscalationAt: ts('next_escalation_at'),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => staffUsers.id),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => staffUsers.id),
    actionTaken: text('action_taken'),
    /** Every concern the response raised, one alert per response. */
    concerns: jsonb('concerns').$type<AlertConcern[]>().notNull().default([]),
    /** Raised outside the service's working hours (evenings, weekends, bank holidays). */
    outOfHours: boolean('out_of_hours').notNull().default(false),
    /** Chosen from the service's list when closing. */
    outcome: text('outcome'),
  },
  (t) => [
    index('alerts_open_idx').on(t.serviceId, t.closedAt),
    index('alerts_escalation_idx').on(t.nextEscalationAt),
    uniqueIndex('alerts_response_idx').on(t.responseId),
  ],
);

/**
 * A victim's contact and restorative justice record, one per victim case: the steps the Victims
 * Board and the national indicator count (identified, not contactable, agreed to be contacted,
 * contacted, restorative justice offered and taken up, wanting further support). No contact
 * details: those stay in the case management system.
 */
export const victimContacts = pgTable(
  'victim_contacts',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    identifiedOn: ts('identified_on').notNull(),
    contactPreference: text('contact_preference', { enum: VICTIM_CONTACT_PREFERENCES }),
    /** We could not reach them: no working contact details. */
    notContactable: boolean('not_contactable').notNull().default(false),
    /** Null: not asked yet. */
    agreedToContact: boolean('agreed_to_contact'),
    contactedOn: ts('contacted_on'),
    rjOffered: boolean('rj_offered').notNull().default(false),
    rjTakenUp: boolean('rj_taken_up').notNull().default(false),
    wantsFurtherSupport: boolean('wants_further_support').notNull().default(false),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id),
  },
  (t) => [index('victim_contacts_identified_idx').on(t.identifiedOn)],
);

/** A Tell Us comment, compliment, complaint or idea, from the web form or logged by staff. */
export const tellUsItems = pgTable(
  'tell_us_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').references(() => areas.id),
    responseId: uuid('response_id').unique().references(() => responses.id),
    caseId: uuid('case_id').references(() => cases.id),
    type: text('type', { enum: TELL_US_TYPES }).notNull(),
    body: text('body').notNull(),
    channel: text('channel', { enum: ['web', 'phone', 'email', 'paper', 'in_person'] }).notNull(),
    wantsReply: boolean('wants_reply').notNull().default(false),
    tellMyWorker: boolean('tell_my_worker').notNull().default(false),
    loggedBy: uuid('logged_by').references(() => staffUsers.id),
    receivedAt: ts('received_at').notNull(),
    handledAt: ts('handled_at'),
    handledBy: uuid('handled_by').references(() => staffUsers.id),
  },
  (t) => [index('tell_us_items_area_idx').on(t.serviceId, t.areaId, t.receivedAt)],
);

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    areaId: uuid('area_id').references(() => areas.id),
    tellUsItemId: uuid('tell_us_item_id').notNull().unique().references(() => tellUsItems.id),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('received'),
    ownerId: uuid('owner_id').references(() => staffUsers.id),
    receivedAt: ts('received_at').notNull(),
    acknowledgeDueAt: ts('acknowledge_due_at').notNull(),
    respondDueAt: ts('respond_due_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    respondedAt: ts('responded_at'),
    closedAt: ts('closed_at'),
    outcome: text('outcome', { enum: COMPLAINT_OUTCOMES }),
    replyToChild: text('reply_to_child'),
    replySentAt: ts('reply_sent_at'),
    /** The stage the fields above describe; an earlier stage is kept in complaint_stages. */
    stage: integer('stage').notNull().default(1),
  },
  (t) => [index('complaints_status_idx').on(t.serviceId, t.status)],
);

/** A finished earlier stage of a complaint, as it stood when the next stage was asked for. */
export const complaintStages = pgTable(
  'complaint_stages',
  {
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    stage: integer('stage').notNull(),
    startedAt: ts('started_at').notNull(),
    ownerId: uuid('owner_id').references(() => staffUsers.id),
    acknowledgeDueAt: ts('acknowledge_due_at').notNull(),
    respondDueAt: ts('respond_due_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    respondedAt: ts('responded_at'),
    closedAt: ts('closed_at'),
    outcome: text('outcome', { enum: COMPLAINT_OUTCOMES }),
    replyToChild: text('reply_to_child'),
    replySentAt: ts('reply_sent_at'),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.stage] })],
);

/** Dated entries on a complaint: investigation notes, deadline extensions, a request for stage 2. */
export const complaintNotes = pgTable(
  'complaint_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    stage: integer('stage').notNull(),
    kind: text('kind', { enum: COMPLAINT_NOTE_KINDS }).notNull(),
    /** The note itself, the reason for an extension, or what the complainant is still unhappy about. */
    body: text('body').notNull(),
    /** The day it happened (a call, a meeting, the request), which may be before it was written down. */
    happenedOn: ts('happened_on').notNull(),
    /** For an extension: the deadline before and after. */
    previousDueAt: ts('previous_due_at'),
    newDueAt: ts('new_due_at'),
    authorId: uuid('author_id').references(() => staffUsers.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('complaint_notes_complaint_idx').on(t.complaintId, t.createdAt)],
);

export const themes = pgTable(
  'themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('themes_name_idx').on(t.serviceId, t.name)],
);

/** A free-text answer or Tell Us item as a comment staff can tag and approve for sharing. */
export const commentReviews = pgTable(
  'comment_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    answerId: bigint('answer_id', { mode: 'number' }).unique().references(() => answers.id, { onDelete: 'cascade' }),
    tellUsItemId: uuid('tell_us_item_id').unique().references(() => tellUsItems.id),
    /** A manager approved this comment to be quoted in reports shared beyond the team. */
    approvedForSharingAt: ts('approved_for_sharing_at'),
    approvedBy: uuid('approved_by').references(() => staffUsers.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
);

export const commentThemes = pgTable(
  'comment_themes',
  {
    commentReviewId: uuid('comment_review_id').notNull().references(() => commentReviews.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id').notNull().references(() => themes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.commentReviewId, t.themeId] })],
);

/** A "You said, we did" change in another language, with the English it was translated from. */
export interface YouSaidWeDidTranslation {
  youSaid: string;
  weDid: string;
  whatNext: string | null;
  from: { youSaid: string; weDid: string; whatNext: string | null };
}

export const youSaidWeDid = pgTable(
  'you_said_we_did',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** Null: service-wide. */
    areaId: uuid('area_id').references(() => areas.id),
    themeId: uuid('theme_id').references(() => themes.id),
    youSaid: text('you_said').notNull(),
    weDid: text('we_did').notNull(),
    whatNext: text('what_next'),
    /** The same words in other languages, written beside the English: { cy: { youSaid, weDid, whatNext } }. */
    translations: jsonb('translations').$type<Partial<Record<string, YouSaidWeDidTranslation>>>().notNull().default({}),
    /** The date the change happened, which places it in a reporting period. */
    happenedOn: ts('happened_on').notNull(),
    publishedAt: ts('published_at'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('you_said_we_did_period_idx').on(t.serviceId, t.happenedOn)],
);

/** The comments a "You said, we did" answers (optional; the theme is the main link). */
export const youSaidWeDidComments = pgTable(
  'you_said_we_did_comments',
  {
    youSaidWeDidId: uuid('you_said_we_did_id').notNull().references(() => youSaidWeDid.id, { onDelete: 'cascade' }),
    commentReviewId: uuid('comment_review_id').notNull().references(() => commentReviews.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.youSaidWeDidId, t.commentReviewId] }), index('you_said_we_did_comments_review_idx').on(t.commentReviewId)],
);

/**
 * The participation lead's pack for one quarter and place: their own commentary and the report
 * sections they chose. The figures are not kept: the pack shows the shared report as it stands.
 */
export const participationPacks = pgTable(
  'participation_packs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** Null: the whole service. */
    areaId: uuid('area_id').references(() => areas.id),
    /** The area's id, or '' for the whole service: one pack per place and period. */
    areaKey: text('area_key').notNull(),
    /** A financial quarter as parsePeriod reads it: "2025/26-Q1". */
    period: text('period').notNull(),
    commentary: text('commentary').notNull(),
    /** The report sections chosen, in the report's order. */
    sections: jsonb('sections').$type<string[]>().notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('participation_packs_place_period_idx').on(t.serviceId, t.areaKey, t.period)],
);

// ── Infrastructure ────────────────────────────────────────────────────────────────────────

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serviceId: uuid('service_id').references(() => services.id),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind', { enum: ['staff', 'api', 'system', 'cli'] }).notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull(),
  },
  (t) => [index('audit_log_service_idx').on(t.serviceId, t.at), index('audit_log_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Work to do after a commit (emails). Written in the same transaction as its cause. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serviceId: uuid('service_id').references(() => services.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Makes "send this once" explicit: a second insert with the same key is ignored. */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: createdAt(),
    availableAt: ts('available_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.sentAt, t.availableAt)],
);

/** Fixed-window counters for rate limits, shared by every app instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});

/**
 * Staff forms that create something carry a one-off key; the first submission with a key claims
 * it in the same transaction as what it creates, so a double press or a resent form files once.
 */
export const staffFormSubmissions = pgTable('staff_form_submissions', {
  key: uuid('key').primaryKey(),
  serviceId: uuid('service_id').notNull().references(() => services.id),
  staffUserId: uuid('staff_user_id').notNull(),
  /** Where the first submission led (the thing it created), for every repeat to go to as well. */
  result: text('result').notNull(),
  createdAt: createdAt(),
});

// ── Invitation sending (text and email) ──────────────────────────────────────────────────

/**
 * One invitation sent by text or email (and its reminders). The phone number or address, and the
 * code the link carries, are kept only while reminders may still need them, then set to null
 * (contactDeletedAt). `contactMasked` is all that is ever shown again.
 */
export const invitationSends = pgTable(
  'invitation_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    invitationId: uuid('invitation_id').notNull().references(() => invitations.id),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    /** 'notify' (GOV.UK Notify) or 'smtp' (the mailer). */
    via: text('via', { enum: ['notify', 'smtp'] }).notNull(),
    language: text('language').notNull(),
    contact: text('contact'),
    /** The message with its personal link (the link carries the code), kept only as long as the contact. */
    message: text('message'),
    contactMasked: text('contact_masked').notNull(),
    contactDeletedAt: ts('contact_deleted_at'),
    /** queued, sent, delivered or failed. */
    status: text('status', { enum: ['queued', 'sent', 'delivered', 'failed'] }).notNull().default('queued'),
    failureReason: text('failure_reason'),
    notifyId: text('notify_id'),
    /** Set just before a send is attempted: a second attempt first asks Notify whether the first got through. */
    attemptStartedAt: ts('attempt_started_at'),
    sentAt: ts('sent_at'),
    /** Reminders sent so far, and when the last went. */
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: ts('last_reminded_at'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('invitation_sends_invitation_idx').on(t.invitationId)],
);
