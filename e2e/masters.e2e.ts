import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, seedDesk, signIn, startDesk, type RunningDesk } from './support/app';
import { seedMasters } from './support/masters-seed';
import { MastersPage } from './pages/masters';

let desk: RunningDesk;
let browser: Browser;

beforeAll(async () => {
  desk = await startDesk();
  // Our own master data (not the demo set), so the tests can state facts about it.
  await seedDesk(desk, { demo: false });
  await seedMasters(desk);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await desk?.discard();
});

async function signedIn(username = 'admin'): Promise<{ context: BrowserContext; page: Page; m: MastersPage; errors: string[] }> {
  const { context, page, errors } = await newPage(browser);
  await signIn(page, desk.url, username);
  return { context, page, m: new MastersPage(page), errors };
}

describe('master data', () => {
  it('adds a customer by keyboard: a bad phone is shown at the field in Chinese, fixed, saved and listed', async () => {
    const { context, m, errors } = await signedIn();
    const kb = m.keyboard;
    await m.openCustomers();
    await expect.poll(() => m.count().textContent()).toMatch(/共 \d+ 条/);
    await m.shot('masters-customers');

    await kb.press('Insert');
    await m.dialog().waitFor();
    await expect.poll(() => m.field(/客户编码/).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    // Enter moves from field to field, as on a paper form.
    await kb.type('E2E-001');
    await kb.press('Enter');
    await kb.type('上海新测试贸易有限公司');
    await kb.press('Enter'); // kind: company
    await kb.press('Enter');
    await kb.type('91512081MA62K0260E');
    await kb.press('Enter'); // e-mail
    await kb.type('buyer@xcs.example.cn');
    await kb.press('Enter'); // region
    await kb.press('Enter'); // sales rep
    await kb.press('Enter'); // price group
    await kb.press('Enter');
    await kb.type('80000');
    await kb.press('Enter');
    await kb.type('30');
    await kb.press('Enter'); // notes
    await kb.press('Enter'); // active
    await kb.press('Enter'); // first address: recipient
    await expect.poll(() => m.addressCell(1, '收货人').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await kb.type('李雷');
    await kb.press('Enter');
    await kb.type('1381234');
    await kb.press('Enter'); // leaving the phone field shows its error
    const phone = m.addressCell(1, '电话');
    await expect.poll(() => m.errorOf(phone).textContent()).toBe('请输入手机号（11 位）或座机号（区号-号码）');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await kb.type('上海市');
    await kb.press('Enter');
    await kb.type('上海市');
    await kb.press('Enter');
    await kb.type('徐汇区');
    await kb.press('Enter');
    await kb.type('漕溪北路 88 号 1201 室');
    await kb.press('Enter');
    await kb.type('200030');
    await m.shot('masters-customer-phone-error');

    // Ctrl+S refuses and puts the cursor on the phone, its text selected: typing replaces it.
    await kb.press('Control+S');
    await expect.poll(() => phone.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await m.dialog().count()).toBe(1);
    await kb.type('13812345678');
    await expect.poll(() => m.errorOf(phone).count()).toBe(0);
    await kb.press('Control+S');
    await m.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => m.toast().allTextContents()).toContain('客户 E2E-001 已保存');

    // The focus is back in the search box: find it by its code.
    await kb.type('E2E-001');
    await expect.poll(() => m.gridRows('customers').allTextContents()).toEqual([expect.stringContaining('上海新测试贸易有限公司')]);
    const row = (await m.gridRows('customers').first().textContent()) ?? '';
    expect(row).toContain('80,000.00');
    expect(row).toContain('上海市 上海市 徐汇区 漕溪北路 88 号 1201 室');
    await m.shot('masters-customers-saved');

    // Enter goes from the search box to the list, Enter again opens the customer as saved.
    await kb.press('Enter');
    await kb.press('Enter');
    await m.dialog().waitFor();
    await expect.poll(() => m.addressCell(1, '电话').inputValue()).toBe('13812345678');
    expect(await m.field(/信用额度/).inputValue()).toBe('80000.00');
    await m.shot('masters-customer-dialog');
    await kb.press('Escape');
    await m.dialog().waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a CSV of three customers with one bad row: the preview names row 3 and the column, the two good rows go in', async () => {
    const { context, page, m, errors } = await signedIn();
    await m.openByPalette('导入', '导入 / 导出');
    await m.shot('masters-import-empty');
    const csv = [
      '编码,名称,类型,收货人,收货电话,省,市,区县,详细地址,邮编',
      'IMP-001,周一鸣,个人,周一鸣,13900001111,上海市,上海市,黄浦区,南京东路 100 号,200001',
      'IMP-002,吴二娘,个人,吴二娘,1390000,浙江省,杭州市,上城区,解放路 18 号,310002',
      'IMP-003,郑三多,个人,郑三多,0571-88886666,浙江省,杭州市,西湖区,教工路 8 号,310012',
    ].join('\r\n');
    await m.chooseImportFile('三个客户.csv', '\ufeff' + csv);

    await expect.poll(() => m.importSummary().textContent()).toMatch(/总行数\s*3/);
    const errorRows = m.gridRows('import-errors');
    await expect.poll(() => errorRows.count()).toBe(1);
    const cells = await errorRows.first().getByRole('gridcell').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('收货电话');
    expect(cells[2]).toMatch(/手机号|座机/);
    expect(await page.getByRole('button', { name: /全部导入/ }).isDisabled()).toBe(true);
    await m.shot('masters-import-preview');

    await page.getByRole('button', { name: /只导入 2 条有效行/ }).click();
    await expect.poll(() => m.importResult().textContent()).toContain('已导入 2 条，拒绝 1 条');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载被拒绝的 1 行/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await m.shot('masters-import-result');

    // The same layouts go out: a template and an export of every customer, as files.
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV', exact: true }).click();
    expect((await template).suggestedFilename()).toMatch(/\.csv$/);
    const exported = page.waitForEvent('download');
    await m.keyboard.press('Control+E');
    expect((await exported).suggestedFilename()).toMatch(/\.xlsx$/);
    await expect.poll(() => m.toast().allTextContents()).toContainEqual(expect.stringMatching(/已导出 2[0-9] 行/));

    await m.openCustomers();
    await m.keyboard.type('IMP-00');
    await expect.poll(() => m.gridRows('customers').allTextContents()).toEqual([expect.stringContaining('周一鸣'), expect.stringContaining('郑三多')]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a product by the pinyin initials of its Chinese name', async () => {
    const { context, m, errors } = await signedIn();
    await m.openProducts();
    await expect.poll(() => m.count().textContent()).toMatch(/共 \d+ 条/);
    await m.shot('masters-products');
    // 液压千斤顶 → yyqjd; the search box has the focus when the screen opens.
    await m.keyboard.type('yyqjd');
    await expect.poll(() => m.gridRows('products').allTextContents()).toEqual([expect.stringContaining('液压千斤顶'), expect.stringContaining('液压千斤顶')]);
    expect(await m.count().textContent()).toBe('共 2 条');
    await m.shot('masters-products-pinyin');

    await m.keyboard.press('Enter'); // to the list
    await m.keyboard.press('Enter'); // open the first
    await m.dialog().waitFor();
    await expect.poll(() => m.field(/商品名称/).inputValue()).toBe('液压千斤顶');
    await m.shot('masters-product-dialog');
    await m.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows stock with shortages marked, and refuses an issue beyond what is on hand with the desk’s message', async () => {
    const { context, page, m, errors } = await signedIn();
    await m.openStock();
    await expect.poll(() => page.locator('.grid-row.row-short').count()).toBeGreaterThan(0);
    await m.shot('masters-stock');

    await m.keyboard.press('Enter'); // from the search box to the list
    await m.keyboard.press('Control+M');
    await m.dialog().waitFor();
    await m.dialog().getByLabel('类型').selectOption('issue');
    await m.dialog().getByLabel('数量').fill('99999');
    await m.keyboard.press('Control+S');
    // The refusal is about the quantity: it is shown there, with the figures the desk reports.
    const quantity = m.dialog().getByLabel('数量');
    await expect.poll(() => m.errorOf(quantity).textContent()).toMatch(/库存不足.*77/);
    expect(await quantity.inputValue()).toBe('99999');
    await m.shot('masters-stock-refused');
    await m.keyboard.press('Escape');

    await m.keyboard.press('Enter');
    await m.dialog().waitFor();
    await m.shot('masters-stock-set');
    await m.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists warehouses with bins and the four reference lists, switched with Ctrl+1..4', async () => {
    const { context, page, m, errors } = await signedIn();
    await m.openByPalette('仓库', '仓库与库位');
    await expect.poll(() => m.gridRows('warehouses').count()).toBe(3);
    await m.shot('masters-warehouses');
    await m.keyboard.press('Enter');
    await m.dialog().waitFor();
    await m.shot('masters-warehouse-dialog');
    await m.keyboard.press('Escape');

    await m.openByPalette('区域', '区域 / 业务员 / 承运商 / 价格组');
    await expect.poll(() => m.gridRows('regions').count()).toBe(5);
    await m.keyboard.press('Control+2');
    await expect.poll(() => m.gridRows('salesReps').count()).toBe(4);
    await m.shot('masters-reference-reps');
    await m.keyboard.press('Control+3');
    await expect.poll(() => m.gridRows('carriers').count()).toBe(3);
    await m.keyboard.press('Control+4');
    await expect.poll(() => m.gridRows('priceGroups').count()).toBe(3);
    await m.keyboard.press('Insert');
    await m.dialog().waitFor();
    await m.keyboard.type('GOLD');
    await m.keyboard.press('Enter');
    await m.keyboard.type('金牌客户');
    await m.keyboard.press('Control+S');
    await m.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => m.gridRows('priceGroups').count()).toBe(4);
    await m.shot('masters-reference-groups');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toContain('价格组');

    // Every label comes from the language bundle: in English the same dialog reads English.
    await m.keyboard.press('Control+Shift+L');
    await m.page.keyboard.press('F7');
    await m.heading().filter({ hasText: 'Customers' }).waitFor();
    await m.keyboard.press('Insert');
    await m.dialog().waitFor();
    expect(await m.dialog().getByRole('heading', { level: 2 }).textContent()).toBe('New customer');
    expect(await m.dialog().getByLabel('Delivery addresses 1 Phone').count()).toBe(1);
    await m.shot('masters-customer-dialog-en');
    await m.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });
});
