import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, seedDesk, signIn, startDesk, type RunningDesk } from './support/app';
import { getOrder, placeOrder, seedReviewWorld, type PlacedOrder, type ReviewWorld } from './support/review-seed';
import { ApprovalsPage } from './pages/approvals';

let desk: RunningDesk;
let browser: Browser;
let w: ReviewWorld;
/** Held before the test's own order: the queue has company. */
let earlierCredit: PlacedOrder;
let stockHold: PlacedOrder;
let customHold: PlacedOrder;

beforeAll(async () => {
  desk = await startDesk();
  await seedDesk(desk); // demo master data and users: clerk, approver, manager (no orders)
  w = await seedReviewWorld(desk);
  // Another customer's credit hold, raised first (oldest first puts it on top), and one of each other kind.
  earlierCredit = await placeOrder(w, { customerId: w.smallCredit.id, warehouseId: w.warehouseId, paymentMethod: 'credit', lines: [{ productId: w.plentiful.id, quantity: 16 }] });
  stockHold = await placeOrder(w, { customerId: w.bigCredit.id, warehouseId: w.warehouseId, paymentMethod: 'cash', lines: [{ productId: w.plentiful.id, quantity: 10 }, { productId: w.scarce.id, quantity: 12 }] });
  customHold = await placeOrder(w, {
    customerId: w.bigCredit.id,
    warehouseId: w.warehouseId,
    paymentMethod: 'credit',
    lines: [{ productId: w.scarce.id, quantity: 2 }],
    customText: '铭牌蚀刻客户 LOGO，字体黑体，需客户确认样稿',
  });
  expect([earlierCredit.status, stockHold.status, customHold.status]).toEqual(['on_hold', 'on_hold', 'on_hold']);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await desk?.discard();
});

describe('approval queue', () => {
  it('an approver clears a credit hold using only the keyboard', async () => {
    // 20 × 120.00 + 13% = 2,712.00 on credit against a 2,000.00 limit (the earlier order is held, so it does not count).
    const order = await placeOrder(w, { customerId: w.smallCredit.id, warehouseId: w.warehouseId, paymentMethod: 'credit', lines: [{ productId: w.plentiful.id, quantity: 20 }] });
    expect(order).toMatchObject({ status: 'on_hold', holds: [{ kind: 'credit', code: 'credit.overLimit' }] });

    const { context, page, errors } = await newPage(browser);
    await signIn(page, desk.url, 'approver');
    const q = new ApprovalsPage(page);
    await q.open();
    await expect.poll(() => q.count('全部').textContent()).toBe('4');
    await q.shot('approvals-queue-all');

    await q.keyboard.press('2');
    expect(await q.selectedTab().textContent()).toMatch(/^信用/);
    await expect.poll(() => q.count('信用').textContent()).toBe('2');
    await expect.poll(() => q.rows().allTextContents()).toEqual([expect.stringContaining(earlierCredit.number), expect.stringContaining(order.number)]);
    await q.moveTo(order.number);
    const detail = q.detail(order.number);
    await expect.poll(() => detail.locator('.ap-reasons').textContent()).toContain('信用额度不足：占用 ¥2,712.00（含本单）超出额度 ¥2,000.00，超出 ¥712.00');
    // Exposure: the over-limit figure is the one red line.
    expect(await detail.locator('.ap-exposure tr.ap-over').textContent()).toMatch(/超出额度\s*712\.00/);
    expect(await detail.locator('.ap-stock').textContent()).toContain('AP-100');
    expect(await q.keyBar().textContent()).toMatch(/a\s*放行.*r\s*驳回.*c\s*要求修改/i);
    await q.shot('approvals-credit-detail');

    await q.keyboard.press('a');
    await q.dialog().waitFor();
    expect(await q.dialog().getAttribute('aria-label')).toBe(`放行订单 ${order.number}`);
    await q.keyboard.type('客户承诺月底前结清上月货款，本次放行');
    await q.shot('approvals-credit-release-dialog');
    await q.keyboard.press('Control+Enter');
    await q.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => q.toast().allTextContents()).toContain(`订单 ${order.number} 已放行，审核通过`);

    // It leaves the queue; the cursor rests on what is left.
    await expect.poll(() => q.rows().allTextContents()).toEqual([expect.stringContaining(earlierCredit.number)]);
    await expect.poll(() => q.count('信用').textContent()).toBe('1');
    const after = await getOrder(w, order.id);
    expect(after.order.status).toBe('approved');
    expect(after.lines[0].allocatedQty).toBe(20);
    expect(after.holds).toEqual([expect.objectContaining({ kind: 'credit', status: 'released' })]);
    await q.shot('approvals-credit-cleared');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('releasing a custom-review hold asks for the customer’s confirmation first', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, desk.url, 'approver');
    const q = new ApprovalsPage(page);
    await q.open();
    await q.keyboard.press('4');
    await q.moveTo(customHold.number);
    await q.keyboard.press('a');
    await q.dialog().waitFor();
    await q.keyboard.type('样稿已确认');
    await q.keyboard.press('Control+Enter');
    // Refused at the screen: who confirmed and what, before anything is sent.
    await expect.poll(() => q.dialog().getByRole('alert').allTextContents()).toEqual(['必填项', '必填项']);
    await q.shot('approvals-custom-confirmation');
    await q.dialog().getByLabel(/客户确认人/).fill('钱塘建材 采购部 吴工');
    await q.dialog().getByLabel(/客户确认的内容/).fill('确认铭牌样稿 V2：黑体，LOGO 居左');
    await q.keyboard.press('Control+Enter');
    await q.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => q.toast().allTextContents()).toContain(`订单 ${customHold.number} 已放行，审核通过`);
    const after = await getOrder(w, customHold.id);
    expect(after.order.status).toBe('approved');
    expect(after.holds).toEqual([expect.objectContaining({ kind: 'custom_review', status: 'released' })]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a change after the window lands in the queue and is approved', async () => {
    await w.admin('settings.update', { changeWindowMinutes: 0, smallChangeLimit: 0 });
    const placed = await placeOrder(w, { customerId: w.bigCredit.id, warehouseId: w.warehouseId, paymentMethod: 'cash', lines: [{ productId: w.plentiful.id, quantity: 4 }] });
    expect(placed.status).toBe('approved');
    const before = await getOrder(w, placed.id);
    const amended = await w.clerk<{ outcome: string }>('orders.amend', {
      orderId: placed.id,
      rowVersion: before.order.rowVersion,
      lines: [{ id: before.lines[0].id, quantity: 6 }],
      reason: '客户电话追加 2 件',
    });
    expect(amended.outcome).toBe('change_request');

    const { context, page, errors } = await newPage(browser);
    await signIn(page, desk.url, 'approver');
    const q = new ApprovalsPage(page);
    await q.open();
    await q.keyboard.press('5');
    expect(await q.selectedTab().textContent()).toMatch(/^变更申请/);
    await expect.poll(() => q.count('变更申请').textContent()).toBe('1');
    await q.moveTo(placed.number);
    const detail = q.detail(placed.number);
    const diff = detail.locator('.ap-diff');
    await expect.poll(() => diff.locator('tr').first().textContent()).toMatch(/第 1 行 AP-100\s*数量\s*4\s*→\s*6/);
    expect(await detail.locator('.ap-change-head').textContent()).toContain('客户电话追加 2 件');
    expect(await q.keyBar().textContent()).toMatch(/a\s*批准变更.*r\s*驳回变更/i);
    await q.shot('approvals-change-request');

    await q.keyboard.press('a');
    await q.dialog().waitFor();
    expect(await q.dialog().getAttribute('aria-label')).toBe(`批准变更 ${placed.number}`);
    await q.keyboard.type('同意追加');
    await q.keyboard.press('Control+Enter');
    await q.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => q.toast().allTextContents()).toContain(`订单 ${placed.number} 的变更已批准`);
    await expect.poll(() => q.count('变更申请').textContent()).toBe('0');

    const after = await getOrder(w, placed.id);
    expect(after.order).toMatchObject({ status: 'approved', revision: 1, changedFlag: true });
    expect(after.lines[0]).toMatchObject({ quantity: 6, allocatedQty: 6 });
    await q.shot('approvals-change-approved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a decision on an order that changed meanwhile is refused in the dialog, and nothing typed is lost', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, desk.url, 'approver');
    const q = new ApprovalsPage(page);
    await q.open();
    await q.keyboard.press('2');
    await q.moveTo(earlierCredit.number);
    await q.keyboard.press('a');
    await q.dialog().waitFor();
    await q.keyboard.type('老客户，财务已同意');

    // Meanwhile a clerk asks to change the order (after the window: a change request, a new row version).
    const seen = await getOrder(w, earlierCredit.id);
    await w.clerk('orders.amend', { orderId: earlierCredit.id, rowVersion: seen.order.rowVersion, lines: [{ id: seen.lines[0].id, quantity: 15 }], reason: '客户减 1 件' });
    await q.keyboard.press('Control+Enter');
    await expect.poll(() => q.dialog().getByRole('alert').textContent()).toContain('数据已被他人修改，请重新加载后再操作');
    await q.shot('approvals-stale-refused');
    expect((await getOrder(w, earlierCredit.id)).order.status).toBe('on_hold');

    // Esc, look at the order as it is now (the change request shows), decide again: the comment is still there.
    await q.keyboard.press('Escape');
    await expect.poll(() => q.detail(earlierCredit.number).locator('.ap-diff').textContent()).toMatch(/数量\s*16\s*→\s*15/);
    await q.keyboard.press('a');
    await q.dialog().waitFor();
    expect(await q.dialog().getByLabel(/审批意见/).inputValue()).toBe('老客户，财务已同意');
    await q.keyboard.press('Control+Enter');
    await q.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => q.toast().allTextContents()).toContain(`订单 ${earlierCredit.number} 已处理，仍有 1 项待审核`);
    const after = await getOrder(w, earlierCredit.id);
    expect(after.holds.filter((h) => h.status === 'open').map((h) => h.kind)).toEqual(['change_request']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in English at Ctrl+Shift+L, on a 1366×768 screen; S sorts by amount, Shift+S reverses', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, desk.url, 'manager');
    const q = new ApprovalsPage(page);
    await q.open();
    await q.keyboard.press('3');
    await q.moveTo(stockHold.number);
    await q.keyboard.press('Control+Shift+L');
    await expect.poll(() => q.selectedTab().textContent()).toMatch(/^Stock/);
    const detail = q.detail(stockHold.number);
    await expect.poll(() => detail.locator('.ap-reasons').textContent()).toContain('Line 2 AP-200 is short: needs 12, 3 available');
    expect(await detail.locator('.ap-head').textContent()).toContain('Your approval authority: unlimited');
    await q.shot('approvals-english');

    const amounts = () => q.rows().locator('[role="gridcell"]:nth-child(3)').allTextContents();
    await q.keyboard.press('1');
    await q.keyboard.press('s');
    await expect.poll(() => q.grid().getByRole('columnheader', { name: /Amount/ }).textContent()).toBe('Amount ▼');
    await expect.poll(amounts).toEqual(['2,508.60', '2,169.60']);
    await q.keyboard.press('Shift+S');
    await expect.poll(amounts).toEqual(['2,169.60', '2,508.60']);
    expect(await page.locator('.ap-sort').textContent()).toContain('Smallest first');
    await q.keyboard.press('Control+Shift+L');
    expect(errors).toEqual([]);
    await context.close();
  });
});
