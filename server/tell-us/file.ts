// Filing a Tell Us item: shared by the submission pipeline (the web form) and staff logging one
// that arrived by phone, email, paper or in person, so both open a complaint the same way.
import type { Queryable } from '../../db/index.ts';
import { tellUsItems, type TELL_US_TYPES } from '../../db/schema.ts';
import { openComplaint } from '../complaints/open.ts';
import type { ResolvedSettings } from '../services/settings.ts';

export type TellUsType = (typeof TELL_US_TYPES)[number];
export type TellUsChannel = (typeof tellUsItems.$inferInsert)['channel'];

export interface NewTellUsItem {
  serviceId: string;
  areaId: string | null;
  responseId?: string | null;
  caseId?: string | null;
  type: TellUsType;
  body: string;
  channel: TellUsChannel;
  wantsReply: boolean;
  tellMyWorker: boolean;
  loggedBy?: string | null;
  receivedAt: Date;
  /** Imported from earlier records: filed as already handled, and a complaint as closed. */
  history?: boolean;
}

/** Stores the item and, for a complaint, opens the complaint — inside the caller's transaction. */
export async function fileTellUsItem(tx: Queryable, now: Date, settings: ResolvedSettings, item: NewTellUsItem): Promise<{ tellUsItemId: string; complaintId?: string }> {
  const [row] = await tx
    .insert(tellUsItems)
    .values({
      serviceId: item.serviceId,
      areaId: item.areaId,
      responseId: item.responseId ?? null,
      caseId: item.caseId ?? null,
      type: item.type,
      body: item.body,
      channel: item.channel,
      wantsReply: item.wantsReply,
      tellMyWorker: item.tellMyWorker,
      loggedBy: item.loggedBy ?? null,
      receivedAt: item.receivedAt,
      handledAt: item.history ? item.receivedAt : null,
    })
    .returning({ id: tellUsItems.id });
  const tellUsItemId = row!.id;
  if (item.type !== 'complaint') return { tellUsItemId };
  const complaintId = await openComplaint(tx, now, settings, { serviceId: item.serviceId, areaId: item.areaId, tellUsItemId, receivedAt: item.receivedAt, history: item.history });
  return { tellUsItemId, complaintId };
}
