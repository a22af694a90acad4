// The definition format as JSON Schema, generated from the zod `Definition` so the two cannot
// drift. JSON Schema cannot say everything zod checks (unique ids, every declared language
// filled in, show-if pointing back at options that exist); the description says so, and
// publishing checks them all.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Definition } from './definition.ts';

export const QUESTIONNAIRE_SCHEMA_PATH = '/api/v1/schema/questionnaire.json';

export function questionnaireJsonSchema(publicUrl: string): Record<string, unknown> {
  const generated = z.toJSONSchema(Definition, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: new URL(QUESTIONNAIRE_SCHEMA_PATH, publicUrl).href,
    title: 'Heard questionnaire definition (schemaVersion 1)',
    description:
      'A questionnaire for Heard. Also checked when published, beyond this schema: question ids are unique; option values are unique within a question; every text is given in every language listed in "languages" (English always); showIf points only to an earlier question and only to options it has; rating min is below max.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

/** The schema as a body with a strong ETag, computed once per public address. */
const cache = new Map<string, { body: string; etag: string }>();
export function questionnaireSchemaDocument(publicUrl: string): { body: string; etag: string } {
  let doc = cache.get(publicUrl);
  if (!doc) {
    const body = JSON.stringify(questionnaireJsonSchema(publicUrl), null, 2);
    doc = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    cache.set(publicUrl, doc);
  }
  return doc;
}
