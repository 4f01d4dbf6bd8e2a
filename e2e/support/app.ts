import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = 'desk2026pw';

export interface RunningDesk {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Kill the server hard (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Stop it and remove its data folder (the end of a test file: nothing left in /tmp). */
  discard(): Promise<void>;
}

/** Start browser mode on a free port with its own data folder; resolves when it prints its address. */
export async function startDesk(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-e2e-'))): Promise<RunningDesk> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${log}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}):\n${log}`)));
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    process: child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async discard() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, locale = 'zh-CN'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

/** Fill a desk through its own API: set-up, then demo data (master data, stock, demo users). */
export async function seedDesk(desk: RunningDesk, options: { demo?: boolean } = {}): Promise<void> {
  const token = new URL(desk.url).searchParams.get('token')!;
  const call = async (name: string, input: unknown, session?: string) => {
    const res = await fetch(`http://127.0.0.1:${desk.port}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(session ? { 'X-Desk-Session': session } : {}) },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; result: { sessionId: string }; error?: unknown };
    if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  const admin = await call('auth.setup', { password: PASSWORD, companyName: '华东示例商贸有限公司', deskCode: 'E2E' });
  if (options.demo !== false) await call('demo.load', { password: PASSWORD, orders: 0 }, admin.sessionId);
}

/** Sign in through the screen, as a person would. */
export async function signIn(page: Page, url: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/^密码|^Password/).fill(password);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar').waitFor();
}
