// The Participation Group pack for one quarter and place: the lead's own commentary and the report
// sections they chose, kept so they can come back to it. The figures are never kept: the pack
// shows the shared area report as it stands, with its disclosure rules.
import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { participationPacks } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

/** The shared area report's sections a pack can hold, in the report's order. */
export const PACK_SECTIONS = ['statements', 'questions', 'comments', 'tell-us', 'complaints', 'alerts', 'you-said-we-did'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** Who builds packs: those who run participation work ("you said, we did"), in their scope. */
export { changeAccess as packAccess, type ChangeAccess as PackAccess } from '../you-said-we-did/store.ts';

export interface Pack {
  commentary: string;
  sections: PackSection[];
  updatedAt: Date | null;
}

export const NEW_PACK: Pack = { commentary: '', sections: [...PACK_SECTIONS], updatedAt: null };

const placeKey = (areaId: string | null) => areaId ?? '';

export async function loadPack(db: Queryable, serviceId: string, areaId: string | null, period: string): Promise<Pack> {
  const [row] = await db
    .select()
    .from(participationPacks)
    .where(and(eq(participationPacks.serviceId, serviceId), eq(participationPacks.areaKey, placeKey(areaId)), eq(participationPacks.period, period)));
  if (!row) return NEW_PACK;
  return { commentary: row.commentary, sections: PACK_SECTIONS.filter((s) => row.sections.includes(s)), updatedAt: row.updatedAt };
}

export async function savePack(
  deps: { db: Database; clock: Clock },
  p: StaffPrincipal,
  pack: { serviceId: string; areaId: string | null; period: string; commentary: string; sections: PackSection[] },
): Promise<void> {
  const now = deps.clock.now();
  const values = { commentary: pack.commentary, sections: pack.sections, updatedAt: now, updatedBy: p.kind === 'staff' ? p.id : null };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(participationPacks)
      .values({ serviceId: pack.serviceId, areaId: pack.areaId, areaKey: placeKey(pack.areaId), period: pack.period, ...values })
      .onConflictDoUpdate({ target: [participationPacks.serviceId, participationPacks.areaKey, participationPacks.period], set: values });
    await recordAudit(tx, deps.clock, { actor: p, action: 'participation_pack.save', subjectType: 'participation_pack', subjectId: `${placeKey(pack.areaId) || 'service'}:${pack.period}`, detail: { sections: pack.sections } });
  });
}
