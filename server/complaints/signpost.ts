// What ends a reply to the person who complained: after stage 1, how to ask for stage 2; after
// stage 2 (the final response), the ombudsman who can look at it next — England's or Wales's,
// as the service chose. Added by Heard, so no final response goes out without it.
import type { ComplaintStage, Ombudsman } from '../../db/schema.ts';
import { pageTranslator } from '../i18n/request-language.ts';

const t = pageTranslator('complaints');

/** The paragraph Heard adds to a reply at this stage. */
export function closingParagraph(stage: ComplaintStage, ombudsman: Ombudsman): string {
  return stage === 2 ? t(`ombudsman.${ombudsman}.signpost`) : t('signpost.stageTwo');
}

/**
 * The reply as recorded and sent: what staff wrote, then the closing paragraph. A stage 1
 * response with no reply written stays empty (nobody asked for one); a final response always
 * carries the ombudsman.
 */
export function withClosingParagraph(reply: string, stage: ComplaintStage, ombudsman: Ombudsman): string | null {
  const written = reply.trim();
  if (!written && stage === 1) return null;
  return [written, closingParagraph(stage, ombudsman)].filter(Boolean).join('\n\n');
}
