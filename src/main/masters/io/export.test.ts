import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDetail, ProductDetail, StockRow } from '../../../shared/contract/masters';
import { openTestDesk, type TestDesk } from '../../testing/desk';
import { seedMasters } from '../../testing/masters-fixtures';
import { decodeText, parseCsv } from './csv';

let t: TestDesk;

afterEach(async () => t?.close());

interface FileOut {
  fileName: string;
  contentBase64: string;
  rows: number;
}

async function workbook(file: FileOut): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1) as string[];
const cell = (ws: ExcelJS.Worksheet, row: number, header: string) => ws.getRow(row).getCell(headerOf(ws).indexOf(header) + 1);

describe('export to .xlsx and CSV', () => {
  it('writes real .xlsx: typed cells, money in yuan as numbers with 0.00, a frozen bold header', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const file = await t.call<FileOut>('export.masters', { kind: 'customers', format: 'xlsx' }, t.admin);
    expect(file.fileName).toMatch(/^customers-\d{8}-\d{4}\.xlsx$/);
    expect(file.rows).toBe(3);
    const ws = await workbook(file);
    expect(ws.name).toBe('客户');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(headerOf(ws)).toContain('信用额度(元)');
    const limit = cell(ws, 2, '信用额度(元)');
    expect(limit.value).toBe(100000);
    expect(typeof limit.value).toBe('number');
    expect(limit.numFmt).toBe('0.00');
    expect(cell(ws, 2, '账期(天)').value).toBe(30);
    expect(cell(ws, 2, '编码').value).toBe('C001');
    expect(cell(ws, 2, '类型').value).toBe('公司');
    expect(cell(ws, 4, '类型').value).toBe('个人');
    expect(cell(ws, 2, '手机').value).toBe('13800138000');
    expect(cell(ws, 2, '邮编').value).toBe('100022');

    const stock = await workbook(await t.call<FileOut>('export.masters', { kind: 'stock', format: 'xlsx' }, t.admin));
    const jackRow = (stock.getColumn(1).values as unknown[]).indexOf('C300-1');
    expect(cell(stock, jackRow, '在库').value).toBe(100);
    expect(cell(stock, jackRow, '可用').value).toBe(100);
    expect(cell(stock, jackRow, '预计到货').value).toEqual(new Date('2026-12-15T00:00:00Z'));

    const products = await workbook(await t.call<FileOut>('export.masters', { kind: 'products', format: 'xlsx', locale: 'en' }, t.admin));
    expect(products.name).toBe('Products');
    expect(headerOf(products)).toEqual(expect.arrayContaining(['SKU', 'List price (yuan)', 'Tax rate (%)', 'Price:VIP (yuan)']));
    expect(cell(products, 2, 'List price (yuan)').value).toBe(12.5);
    expect(cell(products, 2, 'Tax rate (%)').value).toBe(13);
    expect(cell(products, 2, 'Price:VIP (yuan)').value).toBe(11);
    expect(cell(products, 3, 'Price:VIP (yuan)').value).toBeNull();
  });

  it('never writes text a spreadsheet would run as a formula', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    await t.call('products.save', { sku: 'EVIL-1', name: '=HYPERLINK("http://evil.example","点我")', spec: '+1-1', unit: '个', listPrice: 100 }, t.admin);
    const ws = await workbook(await t.call<FileOut>('export.masters', { kind: 'products', format: 'xlsx' }, t.admin));
    const row = (ws.getColumn(1).values as unknown[]).indexOf('EVIL-1');
    const name = cell(ws, row, '名称');
    expect(name.value).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(name.formula).toBeUndefined();
    expect(cell(ws, row, '规格型号').value).toBe("'+1-1");
    const csvFile = await t.call<FileOut>('export.masters', { kind: 'products', format: 'csv' }, t.admin);
    const text = decodeText(Buffer.from(csvFile.contentBase64, 'base64'));
    expect(Buffer.from(csvFile.contentBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(text);
    const evil = records.find((r) => r[0] === 'EVIL-1')!;
    expect(evil[1]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(records.find((r) => r[0] === 'A100-1')![5]).toBe('12.50');
  });

  async function snapshot() {
    const customers = await t.call<{ rows: { id: string }[] }>('customers.list', { active: 'all' }, t.admin);
    const products = await t.call<{ rows: { id: string }[] }>('products.list', { active: 'all' }, t.admin);
    const strip = <T extends { updatedAt?: string }>(x: T) => ({ ...x, updatedAt: '' });
    return {
      customers: await Promise.all(customers.rows.map(async (r) => strip(await t.call<CustomerDetail>('customers.get', { id: r.id }, t.admin)))),
      products: await Promise.all(products.rows.map(async (r) => strip(await t.call<ProductDetail>('products.get', { id: r.id }, t.admin)))),
      stock: (await t.call<{ rows: StockRow[] }>('stock.list', {}, t.admin)).rows.map(strip),
    };
  }

  it.each(['xlsx', 'csv'] as const)('round-trips: export then import (%s) gives the same data and changes nothing', async (format) => {
    t = await openTestDesk();
    await seedMasters(t);
    // Awkward values on purpose: a person without USCC, an override, cleared fields, a formula-like name, an inactive row.
    const approver = await t.signInAs('approver');
    await t.call('customers.save', {
      code: 'X-1',
      name: '-折扣客户 "引号", 逗号',
      uscc: '91512081MA62K0260F',
      usccOverrideReason: '执照核对无误',
      creditLimit: 12_345_678,
      notes: '第一行\n第二行',
      active: false,
      contacts: [{ name: '赵', landline: '0755-26881234-801' }],
      addresses: [{ recipient: '赵', phone: '400-820-8820', province: '广东省', city: '深圳市', district: '南山区', street: '科技园 1 号' }],
    }, approver);
    await t.call('products.save', { sku: 'X-P', name: '@特价', unit: '件', listPrice: 1, taxRateBp: 650, active: false }, t.admin);
    const before = await snapshot();
    const auditBefore = (t.desk.store.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE entity != 'import'").get() as { n: number }).n;
    for (const kind of ['customers', 'products', 'stock'] as const) {
      const file = await t.call<FileOut>('export.masters', { kind, format }, t.admin);
      const r = await t.call<{ imported: number; created: number; updated: number }>(
        'import.commit',
        { kind, fileName: file.fileName, contentBase64: file.contentBase64, mode: 'all' },
        t.admin,
      );
      expect(r.imported).toBe(file.rows);
      expect(r.created).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
    // Nothing changed, so nothing was audited as changed (only the import summaries).
    const auditAfter = (t.desk.store.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE entity != 'import'").get() as { n: number }).n;
    expect(auditAfter).toBe(auditBefore);
  });
});
