import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipBody } from '../../server/http/compress.ts';

/** Page-like text: markup, words and numbers that repeat at every distance up to the whole body. */
function pageOf(bytes: number): Buffer {
  const words = ['question', 'answer', 'step', 'safe', 'worker', 'class="button"', '<li>', '</label>', 'Skip this question'];
  let text = '<!doctype html><html lang="en"><body><main>';
  for (let i = 0; text.length < bytes; i++) text += `${words[(i * 7) % words.length]} ${(i * 2654435761) % 9973} `;
  return Buffer.from(text.slice(0, bytes));
}

describe('gzip sized to the body', () => {
  it('gives back the body exactly, and is no bigger than zlib with its full-size defaults', () => {
    for (const size of [1024, 1500, 3000, 3835, 3836, 6000, 12_000, 40_000, 200_000]) {
      const body = pageOf(size);
      const zipped = gzipBody(body);
      expect(gunzipSync(zipped).equals(body)).toBe(true);
      expect(zipped.length, `${size} bytes`).toBeLessThanOrEqual(gzipSync(body, { level: 6 }).length);
    }
  });
});
