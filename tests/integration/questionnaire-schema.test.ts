import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_DEFINITIONS } from '../../server/questionnaire/builtin/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Schema = { $id: string; type: string; required: string[]; properties: Record<string, { enum?: string[] }> };

describe('the questionnaire JSON Schema', () => {
  it('is served publicly, cacheable, generated from the definition format', async () => {
    const res = await t.app.request('/api/v1/schema/questionnaire.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/schema+json');
    expect(res.headers.get('cache-control')).toContain('public');
    const schema = (await res.json()) as Schema;
    expect(schema.$id).toBe('http://heard.test/api/v1/schema/questionnaire.json');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'slug', 'kind', 'languages', 'title', 'intro', 'thanks', 'questions']));
    expect(schema.properties.kind!.enum).toContain('tell_us');
    // Every question type the engine knows is in the schema.
    const text = JSON.stringify(schema);
    for (const type of ['info', 'single_choice', 'multiple_choice', 'frequency', 'yes_no', 'faces', 'rating', 'short_text', 'long_text', 'contact']) {
      expect(text).toContain(`"const":"${type}"`);
    }
  });

  it('answers a repeat request with 304 Not Modified when nothing changed', async () => {
    const first = await t.app.request('/api/v1/schema/questionnaire.json');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.request('/api/v1/schema/questionnaire.json', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('describes every built-in: each one validates against the schema’s required fields and types', async () => {
    const schema = (await (await t.app.request('/api/v1/schema/questionnaire.json')).json()) as Schema;
    for (const def of BUILTIN_DEFINITIONS) {
      for (const key of schema.required) expect(def, `${def.slug} has ${key}`).toHaveProperty(key);
      expect(schema.properties.kind!.enum).toContain(def.kind);
    }
  });
});
