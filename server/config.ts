import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535').default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Heard <heard@localhost>'),
  /** GOV.UK Notify: the API key (name-serviceid-secret), its base URL (tests point it at a stand-in) and template ids. */
  NOTIFY_API_KEY: z.string().regex(/^\S*[0-9a-f-]{36}-[0-9a-f-]{36}$/, { message: 'must be a GOV.UK Notify API key (name, service id, secret)' }).optional(),
  NOTIFY_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).default('https://api.notifications.service.gov.uk'),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid({ message: 'must be a template id (a UUID)' }).optional(),
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid({ message: 'must be a template id (a UUID)' }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'must be debug, info, warn, error or silent' }).default('info'),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Heard. */
  TRUST_PROXY: bool.default(false),
  /** Seed a demo service into an empty database. Never in production. */
  DEMO_SEED: bool.optional(),
  /** Run background jobs (outbox, escalation, retention) in this process. */
  RUN_JOBS: bool.default(true),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Set when invitations go through GOV.UK Notify. */
  notify: { apiKey: string; baseUrl: string; smsTemplateId: string | undefined; emailTemplateId: string | undefined } | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  trustProxy: boolean;
  demoSeed: boolean;
  runJobs: boolean;
  /** Cookies get the Secure flag and the __Host- prefix when the public URL is https. */
  secureCookies: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment. Throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined>, randomSecret: () => string): Config {
  // An empty variable means "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const given = cleaned[name];
      const shown = given === undefined || /SECRET|URL|KEY/.test(name) ? '' : ` (got "${given.slice(0, 40)}")`;
      return `Configuration error: ${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Configuration error: SESSION_SECRET must be set in production (at least 32 characters)');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    publicUrl,
    sessionSecret: e.SESSION_SECRET ?? randomSecret(),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    notify: e.NOTIFY_API_KEY
      ? { apiKey: e.NOTIFY_API_KEY, baseUrl: e.NOTIFY_BASE_URL.replace(/\/+$/, ''), smsTemplateId: e.NOTIFY_SMS_TEMPLATE_ID, emailTemplateId: e.NOTIFY_EMAIL_TEMPLATE_ID }
      : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    demoSeed: e.NODE_ENV !== 'production' && (e.DEMO_SEED ?? true),
    runJobs: e.RUN_JOBS,
    secureCookies: publicUrl.startsWith('https://'),
  };
}
