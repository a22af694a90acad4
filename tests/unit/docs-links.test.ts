// Every relative link in the README, SECURITY.md and docs/ points at a file that exists (and, for
// a #fragment, a heading that exists), so the documentation never sends a newcomer nowhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pages = ['README.md', 'SECURITY.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

function headings(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe('documentation links', () => {
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const file = join(root, page);
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // http:, https:, mailto:
      const [path, fragment] = target!.split('#');
      const into = path ? resolve(dirname(file), path) : file;
      if (!existsSync(into)) broken.push(target!);
      else if (fragment && into.endsWith('.md') && !headings(into).has(fragment)) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });

  it('the README fits on a few screens', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(200);
  });
});
