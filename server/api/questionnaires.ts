// /api/v1/questionnaires: list, read (latest version and history), create from a definition,
// publish a new version. The definition itself is checked by the questionnaire store; a body
// of the wrong shape is a 400, a definition that breaks the rules a 422 with readable issues.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import type { PublishedVersion, StoredVersion } from '../questionnaire/store.ts';
import { openLinkUrl, placesOf, Slug } from '../questionnaires-admin/links.ts';
import { createQuestionnaire, publishNewVersion, questionnaireDetail, questionnaireSummaries, QuestionnaireNotFound } from '../questionnaires-admin/manage.ts';
import { jsonBody, noQuery } from './input.ts';

export const PublishBody = z.strictObject({
  /** The questionnaire definition (see /api/v1/schema/questionnaire.json). */
  definition: z.record(z.string(), z.unknown()),
  openLinkEnabled: z.boolean().optional(),
});

export const questionnaireApi = new Hono<AppEnv>();

function summaryOf(q: StoredVersion, extra: { versionCount?: number; basedOn?: string | null } = {}) {
  return {
    slug: q.slug,
    title: q.definition.title.en,
    kind: q.kind,
    audience: q.audience,
    languages: q.definition.languages,
    openLinkEnabled: q.openLinkEnabled,
    archived: q.archived,
    ...extra,
    latestVersion: { id: q.versionId, version: q.version, publishedAt: q.publishedAt.toISOString() },
  };
}

function publishedOf(p: PublishedVersion) {
  return { slug: p.slug, version: { id: p.versionId, version: p.version }, url: `/api/v1/questionnaires/${p.slug}` };
}

function slugParam(raw: string): string {
  const parsed = Slug.safeParse(raw);
  if (!parsed.success) throw new QuestionnaireNotFound(raw.slice(0, 64));
  return parsed.data;
}

questionnaireApi.get('/questionnaires', async (c) => {
  noQuery(c);
  const list = await questionnaireSummaries(c.var.deps.db, c.var.staff.serviceId);
  return c.json({ data: list.map((q) => summaryOf(q, { versionCount: q.versionCount, basedOn: q.basedOn })) });
});

questionnaireApi.get('/questionnaires/:slug', async (c) => {
  noQuery(c);
  const { db, config } = c.var.deps;
  const serviceId = c.var.staff.serviceId;
  const { latest, versions } = await questionnaireDetail(db, serviceId, slugParam(c.req.param('slug')));
  const openLinks = latest.openLinkEnabled ? (await placesOf(db, serviceId)).map((p) => ({ place: p.slug, name: p.name, url: openLinkUrl(config.publicUrl, p.slug, latest.slug) })) : [];
  return c.json({
    data: {
      ...summaryOf(latest),
      latestVersion: { id: latest.versionId, version: latest.version, publishedAt: latest.publishedAt.toISOString(), definition: latest.definition },
      versions: versions.map((v) => ({ id: v.versionId, version: v.version, publishedAt: v.publishedAt.toISOString() })),
      openLinks,
    },
  });
});

questionnaireApi.post('/questionnaires', async (c) => {
  const body = await jsonBody(c, PublishBody);
  const { db, clock } = c.var.deps;
  const published = await createQuestionnaire({ db, clock, actor: c.var.staff, serviceId: c.var.staff.serviceId }, body.definition, body.openLinkEnabled ?? false);
  c.header('Location', `/api/v1/questionnaires/${published.slug}`);
  return c.json({ data: publishedOf(published) }, 201);
});

questionnaireApi.post('/questionnaires/:slug/versions', async (c) => {
  const slug = slugParam(c.req.param('slug'));
  const body = await jsonBody(c, PublishBody);
  const { db, clock } = c.var.deps;
  const published = await publishNewVersion({ db, clock, actor: c.var.staff, serviceId: c.var.staff.serviceId }, slug, body.definition, body.openLinkEnabled);
  c.header('Location', `/api/v1/questionnaires/${published.slug}`);
  return c.json({ data: publishedOf(published) }, 201);
});
