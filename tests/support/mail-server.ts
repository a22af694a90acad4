// A real SMTP server (the `smtp-server` package) on a local port, collecting what it receives,
// so tests see the email Heard actually sent. It can be stopped and started again on the same
// port to play a mail server that goes down and comes back.
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  outboxId: string;
  to: string[];
  subject: string;
  /** The plain text body, decoded. */
  text: string;
  raw: string;
}

export interface MailServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** How many times each outbox id arrived. */
  countsByOutboxId(): Map<string, number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** RFC 2047 encoded words ("=?UTF-8?Q?...?=") as the text they stand for. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return m ? decodeWords(m[1]!.trim()) : '';
}

function decodeBody(head: string, body: string): string {
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function parseMail(raw: string, envelopeTo: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  return { outboxId: header(head, 'X-Heard-Outbox-Id'), to: envelopeTo, subject: header(head, 'Subject'), text: decodeBody(head, body), raw };
}

export async function mailServer(opts: { port?: number; started?: boolean } = {}): Promise<MailServer> {
  const port = opts.port ?? (await freePort());
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const m: MailServer = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    countsByOutboxId() {
      const counts = new Map<string, number>();
      for (const r of received) counts.set(r.outboxId, (counts.get(r.outboxId) ?? 0) + 1);
      return counts;
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disableReverseLookup: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
            callback();
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  if (opts.started !== false) await m.start();
  return m;
}
