// What the adversary is trying to learn: every count a shared report could be built from, as
// unknowns. An unknown is one area (or "no area") in one financial quarter for one questionnaire —
// a *cell* — optionally narrowed to one group of one reporting detail, and one quantity in it:
// responses (n), answers choosing an option (o:question:option), responses answering a
// multiple-choice question (a:question), free-text answers (txt, and txt:theme for those given a
// theme), invitations issued (inv) and answered (done). Tell Us items belong to no questionnaire:
// their cell is "tellus|area|quarter", with one unknown per type (tu:type) and per theme of the
// comments, compliments and ideas (tut:theme).
//
// The adversary knows how reports are defined (a figure's vector), never the values. The values
// are read from the database only to check the reading of each published figure (the reader must
// agree with what Heard printed) and to know which withheld numbers are small.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { rowsOf } from '../../../db/rows.ts';
import { REPORTING_DETAILS } from '../../../server/cases/reporting-details.ts';
import { quarterOf } from '../../../server/reports/period.ts';
import { DETAILS, type Detail } from '../../../server/reports/queries/scope.ts';

/** The key of "not recorded" in a group. */
export const NONE = '(not recorded)';

/** The groups of a detail: its list, and not recorded. */
export const groupsOf = (d: Detail): string[] => [...REPORTING_DETAILS[d], NONE];

/** A financial quarter as one number (year × 4 + quarter − 1). */
export const quarterNumber = (at: Date, zone: string) => {
  const q = quarterOf(at, zone);
  return q.year * 4 + q.quarter - 1;
};

export const cellKey = (questionnaireId: string, area: string, quarter: number) => `${questionnaireId}|${area}|${quarter}`;
export const groupKey = (cell: string, detail: Detail, group: string | null) => `${cell}|${detail}=${group ?? NONE}`;
export const unknown = (cellOrGroup: string, what: string) => `${cellOrGroup}#${what}`;

export interface World {
  zone: string;
  threshold: number;
  /** Unknown → its true value (absent: 0). */
  values: Map<string, number>;
}

const DETAIL_COLUMN: Record<Detail, string> = { ethnicity: 'ethnicity', gender: 'gender', ageBand: 'age_band', careStatus: 'care_status', specialNeeds: 'special_needs' };
const detailSelect = (alias: string) => sql.raw(DETAILS.map((d) => `${alias}.${DETAIL_COLUMN[d]} as ${DETAIL_COLUMN[d]}`).join(', '));

type DetailRow = Record<string, string | null>;

export async function loadWorld(db: Database, serviceId: string, zone: string, threshold: number): Promise<World> {
  const values = new Map<string, number>();
  const bump = (key: string, by = 1) => values.set(key, (values.get(key) ?? 0) + by);
  /** Adds to the cell and to the cell narrowed to each of the row's groups. */
  const bumpAll = (cell: string, row: DetailRow, what: string) => {
    bump(unknown(cell, what));
    for (const d of DETAILS) bump(unknown(groupKey(cell, d, row[DETAIL_COLUMN[d]] ?? null), what));
  };

  const responses = rowsOf<DetailRow & { id: string; questionnaire_id: string; area_id: string | null; submitted_at: string | Date }>(
    await db.execute(sql`select r.id, r.questionnaire_id, r.area_id, r.submitted_at, ${detailSelect('r')} from responses r where r.service_id = ${serviceId}`),
  );
  const cellOf = new Map<string, { cell: string; row: DetailRow }>();
  for (const r of responses) {
    const cell = cellKey(r.questionnaire_id, r.area_id ?? '', quarterNumber(new Date(r.submitted_at), zone));
    cellOf.set(r.id, { cell, row: r });
    bumpAll(cell, r, 'n');
  }
  const answers = rowsOf<{ response_id: string; question_id: string; option_value: string }>(
    await db.execute(sql`select x.response_id, x.question_id, x.option_value from answers x join responses r on r.id = x.response_id
      where r.service_id = ${serviceId} and x.option_value is not null`),
  );
  const answered = new Set<string>();
  for (const x of answers) {
    const { cell, row } = cellOf.get(x.response_id)!;
    bumpAll(cell, row, `o:${x.question_id}:${x.option_value}`);
    const once = `${x.response_id}:${x.question_id}`;
    if (!answered.has(once)) {
      answered.add(once);
      bumpAll(cell, row, `a:${x.question_id}`);
    }
  }
  // Free-text answers (each one a comment), and the themes staff gave them.
  const texts = rowsOf<{ id: string; response_id: string; theme: string | null }>(
    await db.execute(sql`select x.id, x.response_id, t.name as theme from answers x join responses r on r.id = x.response_id
      left join comment_reviews cr on cr.answer_id = x.id left join comment_themes ct on ct.comment_review_id = cr.id left join themes t on t.id = ct.theme_id
      where r.service_id = ${serviceId} and x.text_value is not null`),
  );
  const seenText = new Set<string>();
  for (const x of texts) {
    const { cell, row } = cellOf.get(x.response_id)!;
    if (!seenText.has(x.id)) {
      seenText.add(x.id);
      bumpAll(cell, row, 'txt');
    }
    if (x.theme) bumpAll(cell, row, `txt:${x.theme}`);
  }
  const items = rowsOf<{ id: string; area_id: string | null; received_at: string | Date; type: string; theme: string | null }>(
    await db.execute(sql`select i.id, i.area_id, i.received_at, i.type, t.name as theme from tell_us_items i
      left join comment_reviews cr on cr.tell_us_item_id = i.id left join comment_themes ct on ct.comment_review_id = cr.id left join themes t on t.id = ct.theme_id
      where i.service_id = ${serviceId}`),
  );
  const seenItem = new Set<string>();
  for (const i of items) {
    const cell = cellKey('tellus', i.area_id ?? '', quarterNumber(new Date(i.received_at), zone));
    if (!seenItem.has(i.id)) {
      seenItem.add(i.id);
      bump(unknown(cell, `tu:${i.type}`));
    }
    if (i.theme && i.type !== 'complaint') bump(unknown(cell, `tut:${i.theme}`));
  }
  const invitations = rowsOf<DetailRow & { questionnaire_id: string; area_id: string | null; created_at: string | Date; done: boolean }>(
    await db.execute(sql`select i.questionnaire_id, i.area_id, i.created_at, i.submitted_at is not null as done, ${detailSelect('c')}
      from invitations i left join cases c on c.id = i.case_id where i.service_id = ${serviceId} and i.revoked_at is null`),
  );
  for (const i of invitations) {
    const cell = cellKey(i.questionnaire_id, i.area_id ?? '', quarterNumber(new Date(i.created_at), zone));
    bumpAll(cell, i, 'inv');
    if (i.done) bumpAll(cell, i, 'done');
  }
  return { zone, threshold, values };
}
