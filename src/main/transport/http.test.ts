import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, TEST_PASSWORD, type TestDesk } from '../testing/desk';
import { startLoopback, type LoopbackServer } from './http';

let t: TestDesk;
let server: LoopbackServer;
afterEach(async () => {
  await server?.close();
  await t?.close();
});

async function setup() {
  t = await openTestDesk();
  server = await startLoopback({ desk: t.desk, port: 0, bodyLimitBytes: 64 * 1024 });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
async function json(res: Response | Promise<Response>): Promise<Json> {
  return (await res).json();
}

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${server.port}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

function rawRequest(host: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: '/api/auth.status', method: 'POST', headers: { Host: host, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.end('{}');
  });
}

describe('loopback HTTP transport', () => {
  it('answers only with the launch token and only to 127.0.0.1/localhost on its port', async () => {
    await setup();
    expect((await post('/api/auth.status', '{}')).status).toBe(401);
    expect((await post('/api/auth.status', '{}', { Authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await post('/api/auth.status', '{}', { Authorization: `Bearer ${server.token}` });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ ok: true, result: { setupRequired: false, deskCode: 'T1' } });
    expect(await rawRequest('evil.example')).toBe(403);
    expect(await rawRequest(`127.0.0.1:${server.port + 1}`)).toBe(403);
    expect(await rawRequest(`localhost:${server.port}`)).toBe(200);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
  });

  it('runs the same dispatcher: sign in, call with the session, refuse in the caller\u2019s language', async () => {
    await setup();
    const auth = { Authorization: `Bearer ${server.token}` };
    const login = await json(post('/api/auth.login', JSON.stringify({ username: 'admin', password: TEST_PASSWORD }), auth));
    const session = { ...auth, 'X-Desk-Session': login.result.sessionId };
    const users = await json(post('/api/users.list', '{}', session));
    expect(users.result.rows[0].username).toBe('admin');

    const zh = await post('/api/users.save', JSON.stringify({ username: 'x', displayName: '', role: 'clerk' }), session);
    expect(zh.status).toBe(422);
    const zhBody = await json(zh);
    expect(zhBody.error.fields.find((f: { path: string }) => f.path === 'displayName').message).toBe('必填项');
    const en = await json(post('/api/users.save', JSON.stringify({ username: 'x', displayName: '', role: 'clerk' }), { ...session, 'X-Desk-Locale': 'en' }));
    expect(en.error.fields.find((f: { path: string }) => f.path === 'displayName').message).toBe('Required');

    const noSession = await post('/api/users.list', '{}', auth);
    expect(noSession.status).toBe(401);
    expect((await json(noSession)).error.code).toBe('auth.required');
    const unknown = await post('/api/orders.nothing', '{}', session);
    expect(unknown.status).toBe(404);
  });

  it('refuses oversized and malformed bodies without touching the store', async () => {
    await setup();
    const auth = { Authorization: `Bearer ${server.token}` };
    const big = await post('/api/auth.login', JSON.stringify({ username: 'admin', password: 'x'.repeat(100 * 1024) }), auth);
    expect(big.status).toBe(413);
    const bad = await post('/api/auth.login', '{not json', auth);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('transport.badJson');
  });

  it('streams changed events to subscribers after a commit', async () => {
    await setup();
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/events`, { headers: { Authorization: `Bearer ${server.token}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await t.call('users.save', { username: 'li', displayName: '李', role: 'clerk', password: TEST_PASSWORD }, t.admin);
    let text = '';
    while (!text.includes('"users"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: changed');
    controller.abort();
  });
});
