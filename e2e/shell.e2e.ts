import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, PASSWORD, startDesk, type RunningDesk } from './support/app';

let desk: RunningDesk;
let browser: Browser;

beforeAll(async () => {
  desk = await startDesk();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await desk?.discard();
});

describe('first run and the shell', () => {
  it('sets up the administrator by keyboard, signs in, and walks menus and the palette', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(desk.url);
    // The token leaves the address bar once the page has it.
    await expect.poll(() => new URL(page.url()).searchParams.get('token')).toBeNull();
    await page.getByLabel('管理员密码').waitFor();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type('华东示例商贸有限公司');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('E2E');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // no demo data for this desk
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.statusbar').textContent()).toContain('E2E');
    expect(await page.locator('.statusbar').textContent()).toContain('管理员');

    await page.keyboard.press('Alt+S');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('用户与角色');

    await page.keyboard.press('Control+K');
    await page.keyboard.type('审计');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('审计日志');
    await expect.poll(() => page.locator('.grid').textContent()).toContain('auth.setup');

    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Audit trail');
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/shell-audit.png' });
    expect(errors).toEqual([]);
  });

  it('refuses the API without the token and from a foreign Host', async () => {
    const noToken = await fetch(`http://127.0.0.1:${desk.port}/api/auth.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    const token = new URL(desk.url).searchParams.get('token');
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: desk.port, path: '/api/auth.status', method: 'POST', headers: { Host: 'evil.example:80', Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
