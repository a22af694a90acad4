// `npm start`: read the environment, start Heard, stop cleanly on SIGTERM/SIGINT.
// Start-up problems are one clear line on stderr, never a stack trace.
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './log.ts';
import { startHeard } from './start.ts';

function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig(process.env, () => randomBytes(32).toString('hex'));
} catch (e) {
  fail(e instanceof ConfigError ? e.message : `Configuration error: ${(e as Error).message}`);
}

const log = createLogger(config.logLevel);
const heard = await startHeard(config, log).catch((e: Error) => fail(`Heard could not start: ${e.message.split('\n')[0]}`));

// Handle signals before announcing the address: whoever reads it may stop us at once.
let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    heard.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (e: Error) => {
        log.error('shutdown failed', { error: e.message });
        process.exit(1);
      },
    );
  });
}

log.info('listening', { url: heard.url, database: heard.database.kind });
// One write, so whoever watches for the address also has the sign-in lines.
const lines = [``, `Heard is running at ${heard.url}`, `Staff sign in at ${heard.url}/staff/sign-in`];
if (heard.seed.seeded && heard.seed.signIn) {
  lines.push('A demo service was created. Sign in as any of:');
  for (const s of heard.seed.signIn) lines.push(`  ${s.email}  password: ${s.password}`);
} else if (config.demoSeed) {
  lines.push('Demo sign-in: admin@riverside.example / heard-demo-password (if the demo service is still there)');
}
process.stdout.write(lines.join('\n') + '\n');
if (heard.setup) {
  // The console, not the log: logs are shipped and kept where more people can read them.
  process.stderr.write(
    [``, `Set up Heard: no service exists yet. Open this one-time link to name your service, its areas`, `and the first administrator (it works once, until ${heard.setup.expiresAt.toISOString()}):`, `  ${heard.setup.url}`, ``].join('\n') + '\n',
  );
}
