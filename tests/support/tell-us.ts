// A child sending the built-in Tell Us form from an open link, step by step over HTTP, the way a
// phone does it. Returns what the submission pipeline filed.
import { eq } from 'drizzle-orm';
import { complaints, drafts, tellUsItems } from '../../db/schema.ts';
import type { TestApp } from './app.ts';
import { location, Respondent } from './respond.ts';

export interface WebTellUs {
  type: 'comment' | 'compliment' | 'complaint' | 'idea';
  message: string;
  tellMyWorker?: boolean;
  contact?: { name?: string; phone?: string; email?: string };
}

let address = 0;

export async function sendWebTellUs(t: TestApp, placeSlug: string, form: WebTellUs) {
  const child = new Respondent(t, { 'x-forwarded-for': `198.51.100.${(++address % 250) + 1}` });
  const link = `/s/${placeSlug}/tell-us`;
  const started = await child.post(link, { website: '' });
  if (started.status !== 303) throw new Error(`open link answered ${started.status}`);
  // Starting leads straight to the first question (older builds went through /next).
  const base = location(started).replace(/\/(next|step\/[^/]+)$/, '');
  const step = async (id: string, fields: Record<string, string>) => {
    const res = await child.post(`${base}/step/${id}`, { action: 'continue', ...fields });
    if (res.status !== 303) throw new Error(`step ${id} answered ${res.status}: ${await res.text()}`);
  };
  await step('feedback_type', { answer: form.type });
  await step('message', { answer: form.message });
  await step('tell_my_worker', { answer: form.tellMyWorker ? 'yes' : 'no' });
  await step('wants_reply', { answer: form.contact ? 'yes' : 'no' });
  if (form.contact) await step('contact', Object.fromEntries(Object.entries(form.contact).map(([k, v]) => [`contact_${k}`, v ?? ''])));
  const sent = await child.post(`${base}/send`, { website: '' });
  if (location(sent) !== `${base}/sent`) throw new Error(`send answered ${sent.status}`);
  const [draft] = await t.deps.db.select().from(drafts).where(eq(drafts.id, base.split('/')[2]!));
  const [item] = await t.deps.db.select().from(tellUsItems).where(eq(tellUsItems.responseId, draft!.responseId));
  const [complaint] = await t.deps.db.select().from(complaints).where(eq(complaints.tellUsItemId, item!.id));
  return { item: item!, complaint };
}
