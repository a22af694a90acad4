// Every promise in SECURITY.md names the test that proves it, and every test it names exists.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'SECURITY.md'), 'utf8');
const promises = doc.split('## What Heard promises')[1]!.split('\n## ')[0]!;
const bullets = promises.split(/\n- /).slice(1).map((b) => b.replace(/\s+/g, ' ').trim());

/** Names in backticks that look like a test file's name, e.g. `hostile-idor`. */
const testNames = (text: string) => [...text.matchAll(/`([a-z0-9]+(?:-[a-z0-9*]+)+|[a-z]+)`/g)].map((m) => m[1]!).filter((n) => /^[a-z0-9-]+\*?$/.test(n));
const exists = (name: string) => ['integration', 'unit', 'e2e'].some((kind) => existsSync(resolve(root, `tests/${kind}/${name}.test.ts`)));

describe("SECURITY.md's promises", () => {
  it('are there to check', () => expect(bullets.length).toBeGreaterThan(20));

  it.each(bullets.map((b) => [b.slice(0, 70), b] as const))('"%s…" names a test that exists', (_, bullet) => {
    const named = testNames(bullet).filter(exists);
    expect(named, bullet).not.toEqual([]);
  });

  it('name no test that does not exist', () => {
    const named = new Set(bullets.flatMap((b) => [...b.matchAll(/\(([^()]*)\)/g)].flatMap((m) => testNames(m[1]!))));
    const looksLikeATest = [...named].filter((n) => n.includes('-') && !n.includes('*'));
    expect(looksLikeATest.filter((n) => !exists(n))).toEqual([]);
  });
});
