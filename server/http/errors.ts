import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { sendHtml } from './compress.ts';

/** Error messages, in the language of the request (a key in locales/{lang}/errors.json). */
export const errorText = pageTranslator('errors');

/** An error a person or client caused, with the status and code to answer with. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
  ) {
    super(message);
  }
}

function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}

export function errorBody(code: string, message: string, issues?: unknown[]) {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/**
 * An error message fit for the log: database errors quote the value they choked on
 * (`invalid input syntax for type uuid: "…"`), which could be someone's answer, so quoted parts
 * are dropped and the message is cut short.
 */
export function withoutQuotedValues(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\u201c[^\u201d]*\u201d/g, '"…"').slice(0, 300);
}

/** Draws the error page for people (not API clients) in the app's own layout and the visitor's language. */
export type ErrorPage = (c: Context<AppEnv>, status: ContentfulStatusCode, message: string) => string;

/** Maps any thrown error to a clear answer; never a stack trace to the client. */
export function handleError(err: Error, c: Context<AppEnv>, page: ErrorPage = plainErrorPage): Response {
  let status: ContentfulStatusCode = 500;
  let code = 'internal_error';
  let message = errorText('internal');
  let issues: unknown[] | undefined;
  if (err instanceof ApiError) {
    ({ status, code, message, issues } = err);
  } else if (err instanceof ZodError) {
    status = 400;
    code = 'invalid_input';
    message = errorText('invalidInput');
    issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  } else if (err instanceof HTTPException) {
    status = err.status as ContentfulStatusCode;
    code = status === 413 ? 'payload_too_large' : status === 403 ? 'forbidden' : 'http_error';
    // Hono's own messages (the CSRF check's "Forbidden") are English words for developers.
    message = status === 413 ? errorText('tooLarge') : status === 403 ? errorText('forbidden.page') : errorText('http');
  } else {
    c.var.deps.log.error('unhandled error', { requestId: c.var.requestId, error: withoutQuotedValues(err.message), route: c.req.routePath });
  }
  if (wantsJson(c)) return c.json(errorBody(code, message, issues), status);
  let body: string;
  try {
    body = page(c, status, message);
  } catch {
    body = plainErrorPage(c, status, message); // the layout itself failed: still say something plain
  }
  return sendHtml(c, body, status);
}

function plainErrorPage(_c: Context<AppEnv>, status: number, message: string): string {
  const esc = message.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Error ${status} – Heard</title></head><body><main><h1>Sorry, there is a problem</h1><p>${esc}</p><p><a href="/">Go to the start</a></p></main></body></html>`;
}
