// POST /api/v1/invitations: a personal invitation for a case known by its reference (recorded if
// new). The code is in this answer only; the QR code comes as a data: URL, so the code never
// travels in another address (and an <img> can show it without the API token).
import { Hono } from 'hono';
import { z } from 'zod';
import { STAGES } from '../../db/schema.ts';
import type { AppEnv } from '../deps.ts';
import { issueInvitationByReference } from '../invitations/issue.ts';
import { DEFAULT_EXPIRY_DAYS } from '../invitations/status.ts';
import { invitationUrl } from '../qr/links.ts';
import { Slug } from '../questionnaires-admin/links.ts';
import { qrFor } from '../qr/qr.ts';
import { jsonBody } from './input.ts';

export const InvitationBody = z.strictObject({
  caseReference: z.string().min(1).max(60),
  kind: z.enum(['child', 'victim']),
  area: Slug,
  questionnaire: Slug,
  stage: z.enum(STAGES).optional(),
  expiresInDays: z.number().int().default(DEFAULT_EXPIRY_DAYS),
});

export const invitationApi = new Hono<AppEnv>();

invitationApi.post('/invitations', async (c) => {
  const body = await jsonBody(c, InvitationBody);
  const { db, clock, config } = c.var.deps;
  const issued = await issueInvitationByReference({ db, clock }, c.var.staff, body);
  const url = invitationUrl(config.publicUrl, issued.code);
  const svg = await qrFor(url, 'svg');
  return c.json(
    {
      data: {
        id: issued.invitationId,
        code: issued.code,
        url,
        qrSvgUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        expiresAt: issued.expiresAt.toISOString(),
        questionnaire: issued.questionnaire.slug,
        stage: issued.stage,
        case: issued.case,
      },
    },
    201,
  );
});
