// The respondent's JavaScript stays small: the chat island (and the read-aloud script every chat
// page loads with it) must fit 15 KB gzipped, and must not carry zod or i18next — the server
// passes the island plain data and already-translated words.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../client/build.ts';

const BUDGET = 15 * 1024;
const outdir = mkdtempSync(join(tmpdir(), 'heard-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the respondent bundles', () => {
  it('keep the chat island and read aloud within 15 KB gzipped, without zod or i18next', async () => {
    const { manifest, inputs } = await buildClient(outdir);
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['chat', 'read-aloud']));
    const gzipped = (entry: string) => gzipSync(readFileSync(join(outdir, manifest[entry]!))).length;
    const chat = gzipped('chat');
    const pageTotal = chat + gzipped('read-aloud');
    expect(chat, `chat island is ${chat} bytes gzipped`).toBeLessThanOrEqual(BUDGET);
    expect(pageTotal, `a chat page loads ${pageTotal} bytes of gzipped JavaScript`).toBeLessThanOrEqual(BUDGET);
    for (const entry of ['chat', 'read-aloud']) {
      const heavy = inputs[entry]!.filter((file) => /node_modules\/(zod|i18next)\//.test(file));
      expect(heavy, `${entry} bundles ${heavy.join(', ')}`).toEqual([]);
    }
  });
});
