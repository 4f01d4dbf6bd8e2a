import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, seedDesk, signIn, startDesk, type RunningDesk } from './support/app';
import { apiSession } from './support/masters-seed';
import { seedOrders, type OrdersSeed } from './support/orders-seed';
import { printToText } from './support/pdf';
import { OrdersPage } from './pages/orders';

let desk: RunningDesk;
let browser: Browser;
let seed: OrdersSeed;

beforeAll(async () => {
  desk = await startDesk();
  // Our own master data and order history (not the demo set), so the tests can state facts about it.
  await seedDesk(desk, { demo: false });
  seed = await seedOrders(desk);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await desk?.discard();
});

async function signedIn(username = 'clerk', at = desk): Promise<{ context: BrowserContext; page: Page; o: OrdersPage; errors: string[] }> {
  const { context, page, errors } = await newPage(browser);
  await signIn(page, at.url, username);
  return { context, page, o: new OrdersPage(page), errors };
}

type OrderGet = {
  order: { id: string; number: string; status: string; customer: { code: string; name: string }; customerPo: string | null; billTo: string | null; total: number; shipTo: { phone: string } };
  lines: { sku: string; quantity: number }[];
  audit: { summary: string | null }[];
  document: { lines: { productId: string; quantity?: number }[] };
};

async function orderByNumber(number: string): Promise<OrderGet> {
  const list = await seed.call<{ rows: { id: string }[] }>('orders.list', { q: number, limit: 1 });
  return seed.call<OrderGet>('orders.get', { id: list.rows[0].id });
}

/** What choosing C001 fills in as the bill-to: its name and default address (masters-seed). */
const C001_BILL_TO = '北京市场贸易有限公司 北京市朝阳区建国路 88 号 SOHO 现代城 2 号楼 1203';

/** The standard order: customer by a 3-character code prefix, three lines by 4-character SKU prefixes. */
async function enterStandardOrder(o: OrdersPage) {
  await o.type('C00');
  await o.press('Enter');
  await o.type('A100');
  await o.press('Enter');
  await o.type('12');
  await o.press('Enter');
  await o.type('B200');
  await o.press('Enter');
  await o.type('5');
  await o.press('Enter');
  await o.type('D400');
  await o.press('Enter');
  await o.type('8');
  await o.press('Enter');
}

describe('order entry at keyboard speed', () => {
  it('takes the standard order with the keyboard alone, in at most 40 key presses', async () => {
    const { context, o, errors } = await signedIn();
    await o.guardMouse();
    o.resetCount();

    await o.openEntry();
    await expect.poll(() => o.focusedIs(o.customer())).toBe(true);
    await o.shot('orders-entry-empty');
    await enterStandardOrder(o);
    // The fourth line is empty and focused; the three typed ones carry their products and quantities.
    await expect.poll(() => o.focusedIs(o.line(4, 'product'))).toBe(true);
    expect(await o.line(1, 'product').inputValue()).toBe('A100-1');
    expect(await o.line(2, 'product').inputValue()).toBe('B200-1');
    expect(await o.line(3, 'product').inputValue()).toBe('D400-1');
    expect(await o.line(1, 'qty').inputValue()).toBe('12');
    expect(await o.line(3, 'qty').inputValue()).toBe('8');
    expect(await o.field('收货人').inputValue()).not.toBe('');
    // The bill-to came with the customer: its name and default address.
    expect(await o.field('开票信息').inputValue()).toBe(C001_BILL_TO);
    await o.press('Control+Enter');

    await o.outcome().waitFor();
    const number = (await o.number().textContent())!.trim();
    expect(number).toMatch(/^SO-E2E-\d{8}-\d+$/);
    const stored = await orderByNumber(number);
    expect(['submitted', 'approved', 'on_hold']).toContain(stored.order.status);
    expect(stored.order.customer.code).toBe('C001');
    expect(stored.lines.map((l) => `${l.sku}×${l.quantity}`)).toEqual(['A100-1×12', 'B200-1×5', 'D400-1×8']);
    expect(stored.order.billTo).toBe(C001_BILL_TO);
    await o.shot('orders-entry-submitted');

    expect(await o.mouseEvents()).toEqual([]);
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync('test-results/entry-keystrokes.json', JSON.stringify({ keystrokes: o.keystrokes }, null, 2) + '\n');
    expect(o.keystrokes).toBeLessThanOrEqual(40);

    // F2 starts the next order at once.
    await o.press('F2');
    await expect.poll(() => o.focusedIs(o.customer())).toBe(true);
    expect(await o.customer().inputValue()).toBe('');
    expect(await o.lineCount()).toBe(1);
    expect(await o.outcome().count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('warns of a duplicate, lists the earlier order, and submits only on an explicit Y (recorded in the audit trail)', async () => {
    const { context, o, errors } = await signedIn();
    await o.openEntry();
    await expect.poll(() => o.focusedIs(o.customer())).toBe(true);
    await enterStandardOrder(o);
    // The first line is short in the order's warehouse: the stock cell says so in red.
    await expect.poll(() => o.lineRow(1).getAttribute('class')).toContain('o-short');
    await o.waitSaved();
    await o.shot('orders-entry-mid');
    await o.press('Control+Enter');

    const dialog = o.dialog();
    await dialog.waitFor();
    const first = await seed.call<{ rows: { number: string }[] }>('orders.list', { q: 'C001', status: ['submitted', 'approved', 'on_hold'], limit: 5 });
    await expect.poll(() => dialog.textContent()).toContain(first.rows[0].number);
    await o.shot('orders-entry-duplicate');
    // Esc goes back to the order as it was.
    await o.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await o.line(2, 'qty').inputValue()).toBe('5');
    await o.press('Control+Enter');
    await dialog.waitFor();
    await o.press('y');
    await o.outcome().waitFor();
    const number = (await o.number().textContent())!.trim();
    const stored = await orderByNumber(number);
    expect(stored.order.status).not.toBe('draft');
    expect(stored.audit.some((a) => /duplicate confirmed/.test(a.summary ?? ''))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('catches a bad phone at the field in Chinese, and takes the order once it is fixed', async () => {
    const { context, o, errors } = await signedIn();
    await o.openEntry();
    await o.type('C005');
    await o.press('Enter');
    await expect.poll(() => o.focusedIs(o.line(1, 'product'))).toBe(true);
    // Back to the header (Alt+H), on to the recipient's phone.
    await o.press('Alt+H');
    const phone = o.field('收货电话');
    for (let i = 0; i < 8 && !(await o.focusedIs(phone)); i++) await o.press('Tab');
    expect(await o.focusedIs(phone)).toBe(true);
    await o.type('1381234');
    await o.press('Enter');
    await expect.poll(() => o.errorOf(phone).textContent()).toBe('请输入手机号（11 位）或座机号（区号-号码）');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await o.shot('orders-entry-phone-error');

    // Submitting is refused at the same field; the cursor goes back to it.
    await o.press('Alt+L');
    await o.type('A110');
    await o.press('Enter');
    await o.type('3');
    await o.press('Enter');
    await o.press('Control+Enter');
    await expect.poll(() => o.focusedIs(phone)).toBe(true);
    await o.type('13912345678');
    await o.press('Enter');
    await expect.poll(() => o.errorOf(phone).count()).toBe(0);
    // Frequently bought together: Alt+1 adds the first suggestion as a line, the cursor on its quantity.
    const suggestion = o.entry().locator('.o-suggest li').first();
    await suggestion.waitFor();
    const suggested = (await suggestion.locator('code').textContent())!;
    await o.press('Alt+1');
    await expect.poll(() => o.focusedIs(o.line(2, 'qty'))).toBe(true);
    expect(await o.line(2, 'product').inputValue()).toBe(suggested);
    await o.type('6');
    await o.press('Enter');
    // A barcode scanner types the EAN and Enter at once: the line gets its product.
    await o.type('6901234567003');
    await o.press('Enter');
    await o.type('2');
    await o.press('Enter');
    await expect.poll(() => o.line(3, 'product').inputValue()).toBe('B200-1');
    await expect.poll(() => o.line(3, 'qty').inputValue()).toBe('2');
    await o.press('Control+Enter');
    await o.outcome().waitFor();
    const stored = await orderByNumber((await o.number().textContent())!.trim());
    expect(stored.order.shipTo.phone).toBe('13912345678');
    expect(stored.lines.map((l) => `${l.sku}×${l.quantity}`)).toEqual(['A110-1×3', `${suggested}×6`, 'B200-1×2']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the order confirmation: number, customer, lines, total in figures and capitals', async () => {
    const { context, page, o, errors } = await signedIn();
    const first = await seed.call<{ rows: { id: string; number: string; total: number }[] }>('orders.list', { q: 'C001', sort: 'created_asc', status: ['submitted', 'approved', 'on_hold'], limit: 1 });
    const order = first.rows[0];

    await o.press('F3');
    await page.locator('section.o-list').waitFor();
    await expect.poll(() => page.locator('[data-count]').textContent()).toMatch(/共 \d+ 单/);
    await o.shot('orders-list');
    await o.type(order.number);
    await o.press('Enter');
    await expect.poll(() => page.locator('[data-count]').textContent()).toBe('共 1 单');
    await o.press('Enter');
    await page.locator('section.o-detail').waitFor();
    await expect.poll(() => page.locator('section.o-detail h1').textContent()).toContain(order.number);
    // The first C001 order is the standard order of the first test: the bill-to filled in from the customer.
    expect(await page.locator('section.o-detail').textContent()).toContain(C001_BILL_TO);
    await o.shot('orders-detail');

    await o.press('Control+P');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('print-preview'))).toBe(true);
    await page.locator('.print-root .o-confirm').waitFor();
    await o.shot('orders-print-preview');
    const { text } = await printToText(page, { png: 'test-results/order-confirmation.png' });
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain(order.number);
    expect(compact).toContain('北京市场贸易有限公司');
    expect(compact).toContain('A100-1');
    expect(compact).toContain('676.94');
    expect(compact).toContain('陆佰柒拾陆元玖角肆分');
    expect(compact).toContain(`开票信息${C001_BILL_TO.replace(/\s+/g, '')}`);
    // Not chosen at entry: the desk's own delivery.
    expect(compact).toContain('配送方式送货上门');
    await o.press('Escape');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('print-preview'))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps what was typed through a crash of the desk: restart, sign in, F2, Enter brings the draft back', async () => {
    const { context, o, errors } = await signedIn();
    await o.openEntry();
    await o.type('C003');
    await o.press('Enter');
    await o.type('A120');
    await o.press('Enter');
    await o.type('4');
    await o.press('Enter');
    await o.type('C320');
    await o.press('Enter');
    await o.type('2');
    await o.press('Enter');
    // A header field after the lines: the customer's PO.
    await o.press('Alt+H');
    const po = o.field('客户采购单号');
    for (let i = 0; i < 3 && !(await o.focusedIs(po)); i++) await o.press('Tab');
    await o.type('PO-KILL-77');
    await o.press('Enter');
    // The autosave (no Ctrl+S) has put the committed fields on the desk.
    await expect.poll(() => o.number().textContent()).toMatch(/^SO-E2E-/);
    const number = (await o.number().textContent())!.trim();
    await expect
      .poll(async () => {
        const stored = await orderByNumber(number);
        return `${stored.order.customer.code} ${stored.order.customerPo} ${stored.lines.length}`;
      })
      .toBe('C003 PO-KILL-77 2');
    // The clerk is typing the next SKU when the desk dies: at most that field is lost.
    await o.press('Alt+L');
    await o.type('E51');

    await desk.kill();
    desk = await startDesk(desk.dataDir);
    seed.call = await apiSession(desk);
    await context.close();

    const again = await signedIn('clerk', desk);
    const r = again.o;
    await r.openEntry();
    const dialog = r.dialog();
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(number);
    await r.shot('orders-entry-resume');
    await r.press('Enter');
    await expect.poll(() => r.number().textContent()).toBe(number);
    expect(await r.customer().inputValue()).toMatch(/^C003 /);
    expect(await r.field('客户采购单号').inputValue()).toBe('PO-KILL-77');
    expect(await r.line(1, 'product').inputValue()).toBe('A120-1');
    expect(await r.line(1, 'qty').inputValue()).toBe('4');
    expect(await r.line(2, 'product').inputValue()).toBe('C320-1');
    expect(await r.line(2, 'qty').inputValue()).toBe('2');
    // The cursor waits on a new line; the order goes on as if nothing happened.
    await expect.poll(() => r.focusedIs(r.line(3, 'product'))).toBe(true);
    await r.press('Control+Enter');
    await r.outcome().waitFor();
    const stored = await orderByNumber(number);
    expect(stored.order.status).not.toBe('draft');
    expect(stored.lines.map((l) => `${l.sku}×${l.quantity}`)).toEqual(['A120-1×4', 'C320-1×2']);
    expect(errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await again.context.close();
  });
});
