// Public questionnaire routes: the JSON Schema of the definition format, for editors and
// integrations (no sign-in; it holds nothing about anyone).
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';
import { QUESTIONNAIRE_SCHEMA_PATH, questionnaireSchemaDocument } from './json-schema.ts';

export const questionnaireRoutes = new Hono<AppEnv>();

questionnaireRoutes.get(QUESTIONNAIRE_SCHEMA_PATH, (c) => {
  const { body, etag } = questionnaireSchemaDocument(c.var.deps.config.publicUrl);
  c.header('Cache-Control', 'public, max-age=86400');
  c.header('ETag', etag);
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  c.header('Content-Type', 'application/schema+json; charset=utf-8');
  return c.body(body);
});
