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

log.info('listening', { url: heard.url, database: heard.database.kind });
process.stdout.write(`\nHeard is running at ${heard.url}\n`);
process.stdout.write(`Staff sign in at ${heard.url}/staff/sign-in\n`);
if (heard.seed.seeded && heard.seed.signIn) {
  process.stdout.write('A demo service was created. Sign in as any of:\n');
  for (const s of heard.seed.signIn) process.stdout.write(`  ${s.email}  password: ${s.password}\n`);
} else if (config.demoSeed) {
  process.stdout.write('Demo sign-in: admin@riverside.example / heard-demo-password (if the demo service is still there)\n');
}

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
