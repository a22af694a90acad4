// Helpers for the import and export tests: a questionnaire with every answer type the CSV
// carries, a multipart upload as a browser sends it, and SQL counts per question and option.
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';
import { FIXED_COLUMNS, type FixedColumn } from '../../server/import/format.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import type { StaffClient } from './staff.ts';
import type { TestApp } from './app.ts';

const en = (s: string) => ({ en: s });

export const IMPORT_EOOQ: Definition = {
  schemaVersion: 1,
  slug: 'paper-eooq',
  kind: 'end_of_order',
  audience: 'child',
  languages: ['en'],
  title: en('How did we do?'),
  intro: en('Your worker will read this.'),
  thanks: en('Thank you.'),
  questions: [
    { id: 'views_taken_seriously', type: 'frequency', title: en('Did staff take your views seriously?') },
    { id: 'feel_safe', type: 'yes_no', title: en('Do you feel safe?'), options: [
      { value: 'yes', label: en('Yes'), positive: true },
      { value: 'no', label: en('No'), concern: true },
      { value: 'not_sure', label: en('Not sure'), excludeFromBase: true },
    ] },
    { id: 'tell_more', type: 'long_text', title: en('Do you want to tell us more?'), showIf: { questionId: 'feel_safe', anyOf: ['no', 'not_sure'] } },
    { id: 'helped_with', type: 'multiple_choice', title: en('What did we help with?'), options: [
      { value: 'school', label: en('School') },
      { value: 'family', label: en('Family') },
      { value: 'friends', label: en('Friends') },
    ] },
    { id: 'overall', type: 'rating', min: 1, max: 5, positiveFrom: 4, title: en('Overall, out of 5?') },
    { id: 'good', type: 'long_text', title: en('What was really good?') },
    { id: 'contact', type: 'contact', title: en('Can we contact you?'), fields: ['name', 'phone'] },
  ],
};

export const HEADER = 'questionnaire,area,submitted,stage,channel,case_reference,age_band,gender,ethnicity,care_status,special_needs';

/** One CSV line: the fixed cells by name, then the question cells in `questions` order (properly quoted). */
export function line(fixed: Partial<Record<FixedColumn, string>>, questions: string[], answers: Record<string, string> = {}): string {
  return stringify([[...FIXED_COLUMNS.map((c) => fixed[c] ?? ''), ...questions.map((q) => answers[q] ?? '')]]).trimEnd();
}

/** POSTs a file the way a browser's file upload does (multipart/form-data). */
export async function upload(t: TestApp, staff: StaffClient, path: string, csv: string | Uint8Array<ArrayBuffer>, opts: { json?: boolean; name?: string } = {}): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', staff.csrf);
  form.append('file', new Blob([csv], { type: 'text/csv' }), opts.name ?? 'responses.csv');
  return t.app.request(path, {
    method: 'POST',
    body: form,
    headers: { cookie: staff.cookie, origin: new URL(t.deps.config.publicUrl).origin, ...(opts.json ? { accept: 'application/json' } : {}) },
  });
}

/** The hidden fields of the "Import N responses" form on a dry-run report page. */
export function importFormOf(html: string): Record<string, string> | undefined {
  const form = /<form method="post" action="\/staff\/import\/run">([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) return undefined;
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return out;
}

/** How many answers each question and option has for a questionnaire slug, counted by SQL. */
export async function answerCounts(db: Database, serviceId: string, slug: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ question_id: string; value: string; n: number }>(
    await db.execute(sql`
      select a.question_id, coalesce(a.option_value, case when a.text_value is not null then '(text)' end) as value, count(*)::int as n
      from answers a join responses r on r.id = a.response_id join questionnaires q on q.id = r.questionnaire_id
      where r.service_id = ${serviceId} and q.slug = ${slug}
      group by 1, 2`),
  );
  return Object.fromEntries(rows.map((r) => [`${r.question_id}=${r.value}`, Number(r.n)]));
}
