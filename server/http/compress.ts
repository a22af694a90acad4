// Compression without web streams. A page or a respondent's answer is a few kilobytes, already
// in memory as one string: gzip it in one call (no CompressionStream, no stream plumbing per
// request). Bodies under a kilobyte go as they are — the gzip header would eat the saving.
// Large or streamed bodies (exports, files) still go through Hono's compress middleware.
import type { Context } from 'hono';
import { gzipSync } from 'node:zlib';

export const COMPRESS_THRESHOLD = 1024;

/** Whether the client takes gzip (a `gzip` or `*` entry whose q is not 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Gzip sized to the body: a window just big enough to reach back across all of it, and a hash
 * table to match. zlib's defaults allocate and clear about 256 KB for every call; a window that
 * covers the whole body finds every match the default would, so the output is the same.
 */
export function gzipBody(bytes: Uint8Array): ReturnType<typeof gzipSync> {
  // zlib reaches back 262 bytes less than its window; windows run from 2^9 to 2^15 bytes.
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 262))));
  return gzipSync(bytes, { level: 6, windowBits, memLevel: Math.min(8, windowBits - 6) });
}

/** Sends a text body, gzipped when it is worth it and the client takes it. */
export function sendText(c: Context, body: string, contentType: string, status: number, headers: Record<string, string> = {}): Response {
  const out: Record<string, string> = { 'Content-Type': contentType, Vary: 'Accept-Encoding', ...headers };
  const bytes = Buffer.from(body);
  if (bytes.length >= COMPRESS_THRESHOLD && acceptsGzip(c.req.header('accept-encoding'))) {
    const zipped = gzipBody(bytes);
    out['Content-Encoding'] = 'gzip';
    out['Content-Length'] = String(zipped.length);
    return c.body(new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.length), status as 200, out);
  }
  // A length tells the general compress middleware this body is settled (too small to gain).
  out['Content-Length'] = String(bytes.length);
  return c.body(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), status as 200, out);
}

const HTML = 'text/html; charset=UTF-8';

/** Sends a whole HTML page (every page, staff or respondent, goes out this way). */
export function sendHtml(c: Context, body: string, status = 200, headers?: Record<string, string>): Response {
  return sendText(c, body, HTML, status, headers);
}
export const JSON_TYPE = 'application/json; charset=UTF-8';
