// The API's OpenAPI document: public, valid OpenAPI 3.1 (checked by an independent validator), and
// naming every route the API really has — a route added without a description fails here.
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Doc = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema?: unknown }> } }>> };
const fetchDoc = async () => {
  const res = await t.app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
};

describe('the OpenAPI document', () => {
  it('is served without a token and is valid OpenAPI 3.1', async () => {
    const doc = await fetchDoc();
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('describes exactly the routes the API has, each method', async () => {
    const doc = await fetchDoc();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const served = [
      ...new Set(
        t.app.routes
          .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !/\/(openapi|schema\/)/.test(r.path))
          .map((r) => `${r.method} ${r.path.slice('/api/v1'.length).replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
      ),
    ];
    expect(documented.sort()).toEqual(served.sort());
  });

  it('takes request bodies and query parameters from the routes’ own schemas', async () => {
    const doc = await fetchDoc();
    const invitation = doc.paths['/invitations']!.post!.requestBody!.content['application/json']!.schema as { required: string[]; properties: Record<string, unknown> };
    expect(invitation.required.sort()).toEqual(['area', 'caseReference', 'kind', 'questionnaire']);
    expect(Object.keys(invitation.properties)).toContain('expiresInDays');
    expect(doc.paths['/responses']!.get!.parameters!.map((p) => p.name)).toEqual(['questionnaire', 'area', 'stage', 'from', 'to', 'sort', 'limit', 'cursor']);
  });
});
