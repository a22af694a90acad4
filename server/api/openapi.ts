// The API described as an OpenAPI 3.1 document, served at /api/v1/openapi.json. Request bodies and
// query parameters are generated from the same zod schemas the routes parse with, so the document
// cannot drift from what the API accepts; answers are described in words (docs/api.md has examples).
import { z } from 'zod';
import { QUESTIONNAIRE_SCHEMA_PATH } from '../questionnaire/json-schema.ts';
import { VictimContactBody } from '../victims/records.ts';
import { ImportQuery } from './imports.ts';
import { InvitationBody } from './invitations.ts';
import { PublishBody } from './questionnaires.ts';
import { KINDS, KnownParams } from './reports.ts';
import { ListQuery } from './responses.ts';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
};

/** Each key of an object schema as a query parameter. */
const queryParameters = (s: z.ZodObject): Json[] =>
  Object.entries(s.shape).map(([name, field]) => ({ name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: schemaOf(field as z.ZodType) }));

const pathParameter = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({ name, in: 'path', required: true, description, schema });

const jsonBody = (s: z.ZodType, description?: string): Json => ({ required: true, description, content: { 'application/json': { schema: schemaOf(s) } } });

const ok = (description: string, type = 'application/json'): Json => ({ description, content: { [type]: {} } });

/** The errors any route may answer with, each `{ error: { code, message, issues? } }`. */
const errors = (...statuses: number[]): Json =>
  Object.fromEntries(
    [401, 400, ...statuses].map((s) => [String(s), { description: ERROR_WORDS[s] ?? 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );

const ERROR_WORDS: Record<number, string> = {
  400: 'Something sent is not valid (`invalid_input`, with `issues` by path)',
  401: 'No token, or a token that is wrong or revoked (`missing_token`, `invalid_token`)',
  403: 'The token may not do this (`forbidden`)',
  404: 'Not found, or not in this token’s service (`not_found`)',
  409: 'It conflicts with what is there (`conflict`)',
  413: 'Too large (`payload_too_large`)',
  415: 'The wrong Content-Type (`unsupported_media_type`)',
  422: 'Understood but breaks a rule (`invalid_definition`, `invalid_record`, `import_invalid`), with `issues`',
};

const Slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' };
const Id = { type: 'string', format: 'uuid' };

export function openApiDocument(publicUrl: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Heard API',
      version: '1',
      description:
        'Heard’s API for case management systems and other tools. Every route needs an API token (`Authorization: Bearer heard_…`), issued by a service admin under Admin → API tokens, and acts for that token’s service only. Answers are JSON `{ data }`; errors are `{ error: { code, message, issues? } }`, the message in the language of `Accept-Language` (English or Welsh). Every view of identifiable data is audited.',
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token: heard_…' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
            },
          },
        },
      },
    },
    paths: {
      '/questionnaires': {
        get: { summary: 'The service’s questionnaires, each with its latest version', responses: { 200: ok('A list of questionnaires'), ...errors() } },
        post: {
          summary: 'Create a questionnaire from a definition',
          description: `The definition follows the JSON Schema at ${publicUrl}${QUESTIONNAIRE_SCHEMA_PATH}.`,
          requestBody: jsonBody(PublishBody),
          responses: { 201: ok('The new questionnaire and its first version'), ...errors(409, 415, 422) },
        },
      },
      '/questionnaires/{slug}': {
        get: { summary: 'One questionnaire: its latest definition and every version', parameters: [pathParameter('slug', 'The questionnaire’s slug', Slug)], responses: { 200: ok('The questionnaire'), ...errors(404) } },
      },
      '/questionnaires/{slug}/versions': {
        post: {
          summary: 'Publish a new version (earlier answers keep the version they were given to)',
          parameters: [pathParameter('slug', 'The questionnaire’s slug', Slug)],
          requestBody: jsonBody(PublishBody),
          responses: { 201: ok('The new version'), ...errors(404, 415, 422) },
        },
      },
      '/invitations': {
        post: {
          summary: 'A personal invitation for a case known by its reference (recorded if new)',
          description: 'The code is in this answer only (Heard keeps only its hash); the QR code comes as a data: URL.',
          requestBody: jsonBody(InvitationBody),
          responses: { 201: ok('The invitation: link, code, QR code and expiry'), ...errors(404, 409, 415) },
        },
      },
      '/responses': {
        get: { summary: 'A page of responses, newest first, with a cursor for the next page (audited)', parameters: queryParameters(ListQuery), responses: { 200: ok('Responses and `next` (a cursor, or null)'), ...errors() } },
      },
      '/responses/{id}': {
        get: { summary: 'One response with its answers (audited)', parameters: [pathParameter('id', 'The response’s id', Id)], responses: { 200: ok('The response'), ...errors(404) } },
      },
      '/responses/import': {
        post: {
          summary: 'Import responses from a CSV file (all or nothing)',
          description: 'The body is the CSV file itself (the staff import’s format, docs/import-export.md). `dryRun=true` only checks.',
          parameters: queryParameters(ImportQuery),
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
          responses: { 200: ok('What was imported (or would be, on a dry run)'), ...errors(413, 415, 422) },
        },
      },
      '/alerts': {
        get: { summary: 'Open safeguarding alerts this token may see', responses: { 200: ok('Open alerts'), ...errors() } },
      },
      '/alerts/{id}/acknowledge': {
        post: { summary: 'Acknowledge an alert (audited)', parameters: [pathParameter('id', 'The alert’s id', Id)], responses: { 200: ok('The alert, acknowledged'), ...errors(404) } },
      },
      '/reports/{kind}': {
        get: {
          summary: 'A report as JSON (the report model) or CSV, with the disclosure rules applied (audited)',
          parameters: [pathParameter('kind', 'Which report', { type: 'string', enum: [...KINDS] }), ...queryParameters(KnownParams)],
          responses: { 200: { description: 'The report', content: { 'application/json': {}, 'text/csv': {} } }, ...errors(403, 404) },
        },
      },
      '/victim-contacts/{reference}': {
        get: { summary: 'A victim’s contact and restorative justice record (audited)', parameters: [pathParameter('reference', 'The victim case’s reference')], responses: { 200: ok('The record'), ...errors(404) } },
        put: {
          summary: 'Replace a victim’s contact and restorative justice record (audited)',
          parameters: [pathParameter('reference', 'The victim case’s reference')],
          requestBody: jsonBody(VictimContactBody),
          responses: { 200: ok('The record as saved'), ...errors(404, 415, 422) },
        },
      },
    },
  };
}
