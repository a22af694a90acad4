import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../db/lock.ts';

describe('the data folder lock', () => {
  it('lets one holder in at a time and frees the folder on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-lock-'));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'heard.lock'), 'utf8')).toBe(String(process.pid));
    // Pretend another live process (our parent) holds it.
    writeFileSync(join(dir, 'heard.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    writeFileSync(join(dir, 'heard.lock'), String(process.pid));
    release();
    expect(existsSync(join(dir, 'heard.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-lock-'));
    writeFileSync(join(dir, 'heard.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'heard.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
