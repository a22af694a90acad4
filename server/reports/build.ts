// buildReport: the one entry point for every report, used by the staff pages and the API.
// Works out the context once, then hands it to the report's builder.
import type { Queryable } from '../../db/index.ts';
import { buildAreaReport } from './builders/area.ts';
import { buildBoardReport } from './builders/board.ts';
import { buildCaseDistanceReport, buildDistanceReport } from './builders/distance.ts';
import { buildDisproportionalityReport } from './builders/disproportionality.ts';
import { buildVictimsReport } from './builders/victims.ts';
import { resolveContext, type ReportContext } from './context.ts';
import type { ReportKind, ReportModel } from './model.ts';
import type { ReportParams } from './params.ts';

const BUILDERS: Record<ReportKind, (ctx: ReportContext) => Promise<ReportModel>> = {
  area: buildAreaReport,
  board: buildBoardReport,
  victims: buildVictimsReport,
  distance: buildDistanceReport,
  'distance-case': buildCaseDistanceReport,
  disproportionality: buildDisproportionalityReport,
};

/**
 * Builds a report model. Throws ApiError 404 for an area, questionnaire or case that is not the
 * service's, 400 when the questionnaire does not suit the report. The board report is always
 * about the whole service.
 */
export async function buildReport(db: Queryable, params: ReportParams): Promise<ReportModel> {
  const ctx = await resolveContext(db, params.kind === 'board' ? { ...params, area: null } : params);
  return BUILDERS[params.kind](ctx);
}
