// Marking a Tell Us comment, compliment or idea as handled. Complaints are handled through the
// complaints procedure instead (closing the complaint marks its item handled).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { contactDetails, tellUsItems } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { isUuid } from '../complaints/queries.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { visibleTellUs } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

const t = pageTranslator('tell-us');

export class TellUsNotFound extends ApiError {
  constructor() {
    super(404, 'not_found', t('notFound'));
  }
}

export class TellUsRefused extends ApiError {
  constructor(message: string) {
    super(409, 'tell_us_refused', message);
  }
}

/** Marks the item handled and deletes any contact details left for a reply (they have done their job). */
export async function markHandled(db: Database, clock: Clock, p: StaffPrincipal, id: string): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    if (!isUuid(id)) throw new TellUsNotFound();
    const [item] = await tx.select().from(tellUsItems).where(and(eq(tellUsItems.id, id), visibleTellUs(p))).for('update', { of: tellUsItems });
    if (!item) throw new TellUsNotFound();
    if (item.type === 'complaint') throw new TellUsRefused(t('refusal.complaint'));
    if (item.handledAt) return { changed: false };
    await tx.update(tellUsItems).set({ handledAt: clock.now(), handledBy: p.kind === 'staff' ? p.id : null }).where(eq(tellUsItems.id, item.id));
    const deleted = item.responseId ? await tx.delete(contactDetails).where(eq(contactDetails.responseId, item.responseId)).returning({ id: contactDetails.id }) : [];
    await recordAudit(tx, clock, { actor: p, action: 'tellus.handle', subjectType: 'tell_us_item', subjectId: item.id, detail: { contactDeleted: deleted.length > 0 } });
    return { changed: true };
  });
}
