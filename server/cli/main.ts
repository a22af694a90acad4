// `npm run heard -- <command> [options]`: the admin tasks for people without the staff pages.
// Arguments are checked before the database is opened; every refusal is one clear message on
// stderr and exit code 1 (2 for a command used wrongly), never a stack trace.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataDirInUseError } from '../../db/lock.ts';
import { STAFF_ROLES } from '../../db/schema.ts';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { COMMANDS } from './commands.ts';
import { CliError, t } from './context.ts';
import { openCliDatabase } from './database.ts';

const USAGE = 2;

function fail(message: string, code = 1): never {
  process.stderr.write(message + '\n');
  process.exit(code);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === 'help' || name === '--help' || name === '-h') {
  process.stdout.write(t('usage', { roles: STAFF_ROLES.join(', ') }) + '\n');
  process.exit(name ? 0 : USAGE);
}
const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (!command) fail(t('errors.unknownCommand', { command: name }), USAGE);

let values: unknown;
try {
  const parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: (command.positionals ?? 0) > 0, allowNegative: true });
  if (parsed.positionals.length > (command.positionals ?? 0)) throw new Error(`Unexpected argument '${parsed.positionals.at(-1)}'`);
  const given = command.positionals ? { ...parsed.values, file: parsed.positionals[0] } : parsed.values;
  const checked = command.schema.safeParse({ ...given });
  if (!checked.success) {
    fail(checked.error.issues.map((i) => t('errors.badValue', { option: String(i.path[0] ?? 'file'), message: i.message })).join('\n'), USAGE);
  }
  values = checked.data;
} catch (e) {
  fail(t('errors.badArguments', { detail: (e as Error).message.replace(/\.$/, ''), command: name }), USAGE);
}

let config: Config;
try {
  config = loadConfig(process.env, () => randomBytes(32).toString('hex'));
} catch (e) {
  fail(e instanceof ConfigError ? e.message : `Configuration error: ${(e as Error).message}`);
}

const opened = await openCliDatabase(config).catch((e: Error) =>
  fail(e instanceof DataDirInUseError ? t('errors.inUse', { detail: e.message }) : t('errors.database', { detail: e.message.split('\n')[0] })),
);
let code = 0;
try {
  await command.run({ db: opened.database.db, clock: systemClock, config, out: (line) => process.stdout.write(line + '\n'), readStdin }, values as never);
} catch (e) {
  code = 1;
  process.stderr.write((e instanceof CliError ? e.message : `Something went wrong: ${(e as Error).message.split('\n')[0]}`) + '\n');
} finally {
  await opened.close();
}
process.exit(code);
