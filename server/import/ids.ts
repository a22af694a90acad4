// Response ids for imported rows: the same service, file and row always give the same id, so
// importing a file again is a replay (stored once), never a duplicate. Shaped like a UUID v5
// (SHA-based, name-derived): version nibble 5, RFC 4122 variant.
import { createHash } from 'node:crypto';

export function importResponseId(serviceId: string, fileHash: string, row: number): string {
  const h = createHash('sha256').update(`heard-import\u0000${serviceId}\u0000${fileHash}\u0000${row}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
