// Every action the code writes to the audit log has plain words in the staff locale, so the
// audit log never shows an admin a bare code where a sentence should be.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionWords } from '../../server/admin/pages/audit-page.tsx';
import { translator } from '../../server/i18n/index.ts';
import { ACTIONS } from '../../server/staff/policy.ts';

const root = resolve(import.meta.dirname, '../../server');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

/** Codes passed as `action: '…'` or `action: x ? '…' : '…'`, and the builder's `'builder.…'` codes. */
function recordedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const f of files(root)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/action: (?:[\w.]+ \? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g)) {
      codes.add(m[1]!);
      if (m[2]) codes.add(m[2]);
    }
    for (const m of text.matchAll(/'(builder\.[a-z_]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

describe('the audit log in plain words', () => {
  const t = translator('en', 'staff');
  // The access policy's actions (`action: 'cases.read'` in the navigation) are not audit codes.
  const codes = [...recordedCodes()].filter((c) => !(ACTIONS as readonly string[]).includes(c));

  it('finds the actions the code records', () => expect(codes.length).toBeGreaterThan(50));

  it.each(codes)('%s has words', (code) => {
    expect(actionWords(t, code)).not.toBe(code);
  });
});
