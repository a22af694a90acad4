// Requests to API v1 with a bearer token, issued the way an admin issues one.
import { issueApiToken } from '../../server/api/tokens.ts';
import type { TestApp } from './app.ts';

export interface ApiClient {
  token: string;
  tokenId: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** JSON body unless `raw` is a string (sent as it is, for malformed JSON). */
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export function apiClientFor(t: TestApp, token: string, tokenId = ''): ApiClient {
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    tokenId,
    get: async (path, headers = {}) => t.app.request(path, { headers: { ...auth, accept: 'application/json', ...headers } }),
    post: async (path, body, headers = {}) =>
      t.app.request(path, {
        method: 'POST',
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        headers: { ...auth, 'content-type': 'application/json', accept: 'application/json', ...headers },
      }),
  };
}

export async function apiClient(t: TestApp, serviceId: string, name = 'test integration'): Promise<ApiClient> {
  const issued = await issueApiToken(t.deps.db, t.deps.clock, { serviceId, name, createdBy: null, actor: { kind: 'system', serviceId } });
  return apiClientFor(t, issued.token, issued.id);
}
