// A local stand-in for the GOV.UK Notify API (tests only), speaking the parts Heard uses:
// POST /v2/notifications/sms and /email, GET /v2/notifications/:id and GET /v2/notifications
// (by reference). It checks the JWT the official client signs (HS256 with the key's secret,
// issuer the service id, issued within the last 30 seconds) and the template ids, answers with
// Notify's shapes and error bodies, and can hang up after accepting a message (a crash
// mid-send as Heard sees it) or refuse a number as Notify does.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInNotification {
  id: string;
  type: 'sms' | 'email';
  to: string;
  templateId: string;
  personalisation: Record<string, string>;
  reference: string | undefined;
  status: string;
}

export interface NotifyStandIn {
  baseUrl: string;
  /** An API key the stand-in accepts: name-serviceid-secret. */
  apiKey: string;
  smsTemplateId: string;
  emailTemplateId: string;
  sent: StandInNotification[];
  /** Requests refused for a bad token. */
  unauthorised: number;
  /** The next `n` sends are accepted and recorded, then the connection is dropped without an answer. */
  hangUpAfterAccepting(n: number): void;
  /** Numbers or addresses Notify refuses (400 BadRequestError). */
  refuse(to: string): void;
  setStatus(id: string, status: string): void;
  close(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function validToken(header: string | undefined, serviceId: string, secret: string): boolean {
  const token = header?.match(/^Bearer (.+)$/)?.[1];
  const [h, p, sig] = token?.split('.') ?? [];
  if (!h || !p || !sig) return false;
  const expected = b64url(createHmac('sha256', secret).update(`${h}.${p}`).digest());
  if (expected.length !== sig.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(sig))) return false;
  const header_ = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { iss?: string; iat?: number };
  return header_.alg === 'HS256' && claims.iss === serviceId && typeof claims.iat === 'number' && Math.abs(Date.now() / 1000 - claims.iat) <= 30;
}

const errorBody = (status: number, error: string, message: string) => ({ status_code: status, errors: [{ error, message }] });

export async function notifyStandIn(): Promise<NotifyStandIn> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const smsTemplateId = randomUUID();
  const emailTemplateId = randomUUID();
  const sent: StandInNotification[] = [];
  const refused = new Set<string>();
  let hangUps = 0;
  const state = { unauthorised: 0 };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const shape = (n: StandInNotification) => ({
    id: n.id,
    reference: n.reference ?? null,
    type: n.type,
    status: n.status,
    phone_number: n.type === 'sms' ? n.to : null,
    email_address: n.type === 'email' ? n.to : null,
    template: { id: n.templateId, version: 1, uri: `/v2/template/${n.templateId}` },
    body: n.personalisation.message ?? '',
    created_at: new Date().toISOString(),
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!validToken(req.headers.authorization, serviceId, secret)) {
      state.unauthorised++;
      return json(res, 403, errorBody(403, 'AuthError', 'Invalid token: signature, api token not found'));
    }
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const send = url.pathname.match(/^\/v2\/notifications\/(sms|email)$/);
    if (req.method === 'POST' && send) {
      const type = send[1] as 'sms' | 'email';
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = JSON.parse(raw) as { template_id?: string; phone_number?: string; email_address?: string; personalisation?: Record<string, string>; reference?: string };
      const to = (type === 'sms' ? body.phone_number : body.email_address) ?? '';
      if (body.template_id !== (type === 'sms' ? smsTemplateId : emailTemplateId)) return json(res, 400, errorBody(400, 'BadRequestError', 'Template not found'));
      if (!to || refused.has(to)) return json(res, 400, errorBody(400, 'ValidationError', type === 'sms' ? 'phone_number Not a UK mobile number' : 'email_address Not a valid email address'));
      const n: StandInNotification = { id: randomUUID(), type, to, templateId: body.template_id, personalisation: body.personalisation ?? {}, reference: body.reference, status: 'sending' };
      sent.push(n);
      if (hangUps > 0) {
        hangUps--;
        req.socket.destroy();
        return;
      }
      return json(res, 201, { id: n.id, reference: n.reference ?? null, content: type === 'sms' ? { body: n.personalisation.message, from_number: 'Heard' } : { body: n.personalisation.message, subject: n.personalisation.subject, from_email: 'heard@notifications.service.gov.uk' }, uri: `/v2/notifications/${n.id}`, template: { id: n.templateId, version: 1, uri: '' } });
    }
    if (req.method === 'GET' && url.pathname === '/v2/notifications') {
      const type = url.searchParams.get('template_type');
      const reference = url.searchParams.get('reference');
      const list = sent.filter((n) => (!type || n.type === type) && (!reference || n.reference === reference));
      return json(res, 200, { notifications: list.map(shape), links: { current: url.pathname } });
    }
    const one = url.pathname.match(/^\/v2\/notifications\/([0-9a-f-]{36})$/);
    if (req.method === 'GET' && one) {
      const n = sent.find((x) => x.id === one[1]);
      return n ? json(res, 200, shape(n)) : json(res, 404, errorBody(404, 'NoResultFound', 'No result found'));
    }
    return json(res, 404, errorBody(404, 'NotFound', 'Not found'));
  }

  const server: Server = createServer((req, res) => void handle(req, res).catch(() => json(res, 500, errorBody(500, 'Exception', 'Internal server error'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: `heard_test-${serviceId}-${secret}`,
    smsTemplateId,
    emailTemplateId,
    sent,
    get unauthorised() {
      return state.unauthorised;
    },
    hangUpAfterAccepting: (n) => void (hangUps = n),
    refuse: (to) => void refused.add(to),
    setStatus: (id, status) => {
      const n = sent.find((x) => x.id === id);
      if (n) n.status = status;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
