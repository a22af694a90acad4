import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

const load = (env: Record<string, string>) => loadConfig(env, () => 'r'.repeat(64));

describe('configuration from the environment', () => {
  it('starts on the embedded database at port 3000 when nothing is set', () => {
    const c = load({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./data');
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.demoSeed).toBe(true);
    expect(c.secureCookies).toBe(false);
  });

  it('names the variable and the problem in one line for a bad port', () => {
    expect(() => load({ PORT: 'eighty' })).toThrow(ConfigError);
    try {
      load({ PORT: 'eighty' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg.split('\n')).toHaveLength(1);
      expect(msg).toMatch(/^Configuration error: PORT must be a number \(got "eighty"\)$/);
    }
  });

  it('rejects a database URL that is not PostgreSQL without echoing it', () => {
    expect(() => load({ DATABASE_URL: 'mysql://root:secret@db/heard' })).toThrow(
      /^Configuration error: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/,
    );
  });

  it('gives one line per bad variable', () => {
    let lines: string[] = [];
    try {
      load({ PORT: '70000', NODE_ENV: 'staging' });
    } catch (e) {
      lines = (e as Error).message.split('\n');
    }
    expect(lines.sort()).toEqual([
      'Configuration error: NODE_ENV must be development, production or test (got "staging")',
      'Configuration error: PORT must be 0 to 65535 (got "70000")',
    ]);
  });

  it('refuses to start in production without a session secret, and never seeds the demo there', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET must be set in production/);
    const c = load({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), DEMO_SEED: 'true' });
    expect(c.demoSeed).toBe(false);
  });

  it('uses secure cookies when the public URL is https', () => {
    expect(load({ PUBLIC_URL: 'https://heard.example.org/' }).secureCookies).toBe(true);
    expect(load({ PUBLIC_URL: 'https://heard.example.org/' }).publicUrl).toBe('https://heard.example.org');
  });

  it('treats an empty variable as unset', () => {
    expect(load({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
});
