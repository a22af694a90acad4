// Reading a CSV file a person uploaded: strict UTF-8 (a spreadsheet's "CSV UTF-8"; a byte-order
// mark is fine), quoted cells with line breaks, blank lines skipped. Reading must never stop the
// server answering everyone else, so the text is parsed a chunk at a time, giving the event loop
// back between chunks (the size itself is bounded by the upload limit).
import { parse } from 'csv-parse';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pageTranslator } from '../i18n/request-language.ts';

const t = pageTranslator('import');

/** The bytes as UTF-8 text; undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const PARSE_CHUNK_CHARS = 64 * 1024;

/** Every record, or what is wrong with the file in words. */
export async function readCsv(text: string): Promise<{ records: string[][] } | { problem: string }> {
  const records: string[][] = [];
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  let failure: { message?: string; lines?: number } | undefined;
  parser.on('readable', () => {
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) records.push(record);
  });
  parser.on('error', (e: { message?: string; lines?: number }) => (failure ??= e));
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', () => resolve());
  });
  for (let at = 0; at < text.length && !failure; at += PARSE_CHUNK_CHARS) {
    parser.write(text.slice(at, at + PARSE_CHUNK_CHARS));
    await nextTurn();
  }
  if (!failure) parser.end();
  await ended;
  if (failure) return { problem: t('problems.notCsv', { line: failure.lines ?? '?', reason: failure.message ?? t('problems.unreadable') }) };
  return { records };
}
