import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { translate } from '../../shared/i18n/messages';
import type { Locale } from '../../shared/i18n/translate';
import type { Desk } from '../desk/desk';
import type { DeskEvent } from '../desk/events';

export interface LoopbackOptions {
  desk: Desk;
  /** 0 = any free port. */
  port: number;
  /** Built renderer (index.html + assets); omitted = API only. */
  staticDir?: string;
  token?: string;
  bodyLimitBytes?: number;
}

export interface LoopbackServer {
  url: string;
  port: number;
  token: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The same strict policy as the desktop window (see src/renderer/index.html). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function localeOf(req: FastifyRequest): Locale {
  const explicit = req.headers['x-desk-locale'];
  if (explicit === 'en' || explicit === 'zh-CN') return explicit;
  const accept = String(req.headers['accept-language'] ?? '');
  return accept.startsWith('en') ? 'en' : 'zh-CN';
}

function refuse(reply: FastifyReply, status: number, code: string, locale: Locale) {
  return reply.code(status).send({ ok: false, error: { code, message: translate(locale, code) } });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode and the local API for integrations: 127.0.0.1 only, a per-launch bearer token,
 * a Host check against DNS rebinding, a body limit, and the one dispatcher behind it.
 */
export async function startLoopback(options: LoopbackOptions): Promise<LoopbackServer> {
  const { desk } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = Fastify({ bodyLimit: options.bodyLimitBytes ?? 48 * 1024 * 1024, logger: false, forceCloseConnections: true });
  let port = options.port;

  app.addHook('onRequest', async (req, reply) => {
    const host = String(req.headers.host ?? '');
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(reply, 403, 'transport.host', localeOf(req));
    if (!req.url.startsWith('/api/')) return;
    const auth = String(req.headers.authorization ?? '');
    const fromHeader = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    // EventSource cannot set headers: the event stream alone may carry the token in its query.
    const fromQuery = req.url.startsWith('/api/events') ? new URL(req.url, 'http://x').searchParams.get('token') ?? '' : '';
    if (!sameToken(fromHeader || fromQuery, token)) return refuse(reply, 401, 'transport.token', localeOf(req));
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    const locale = localeOf(req);
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, 'transport.tooLarge', locale);
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.statusCode === 400) {
      return refuse(reply, 400, 'transport.badJson', locale);
    }
    console.error(err);
    return refuse(reply, 500, 'internal', locale);
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const sessionId = req.headers['x-desk-session'];
    const response = await desk.dispatch({
      name: req.params.name,
      input: req.body ?? {},
      sessionId: typeof sessionId === 'string' ? sessionId : null,
      locale: localeOf(req),
    });
    if (!response.ok) return reply.code(response.status).send({ ok: false, error: response.error });
    return reply.send({ ok: true, result: response.result });
  });

  app.get('/api/events', (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.write(': connected\n\n');
    const send = (event: DeskEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    const off = desk.events.on(send);
    const beat = setInterval(() => res.write(': beat\n\n'), 15_000);
    req.raw.on('close', () => {
      off();
      clearInterval(beat);
    });
  });

  if (options.staticDir) {
    const root = path.resolve(options.staticDir);
    app.get('/*', async (req, reply) => {
      const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = path.resolve(root, '.' + urlPath);
      if (!file.startsWith(root)) return reply.code(404).send();
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
      reply.header('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      return reply.send(fs.readFileSync(file));
    });
  }

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    app,
    close: () => app.close(),
  };
}
