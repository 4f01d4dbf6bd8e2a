import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDetail, ProductDetail, StockRow } from '../../../shared/contract/masters';
import { DeskError } from '../../../shared/errors';
import type { DeskEvent } from '../../desk/events';
import { openTestDesk, type TestDesk } from '../../testing/desk';
import { seedMasters, type MastersFixture } from '../../testing/masters-fixtures';
import { decodeText, parseCsv } from './csv';

let t: TestDesk;
afterEach(async () => t?.close());

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const csv = (lines: string[]) => b64(`\ufeff${lines.join('\r\n')}\r\n`);

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DeskError,
  );

interface Preview {
  total: number;
  valid: number;
  columns: { key: string; header: string }[];
  unknownColumns: string[];
  rows: { row: number; ok: boolean; action: string; data: Record<string, unknown> }[];
  errors: { row: number; field: string; code: string; params?: Record<string, unknown>; message?: string }[];
  errorCount: number;
}
interface Commit {
  imported: number;
  created: number;
  updated: number;
  rejected: number;
  rejectedFile: { fileName: string; contentBase64: string } | null;
}

const CUSTOMER_HEADER = '编码,名称,类型,统一社会信用代码,信用额度(元),账期(天),联系人,手机,收货人,收货电话,省,市,区县,详细地址,邮编';
const CUSTOMERS_WITH_ONE_BAD_ROW = csv([
  CUSTOMER_HEADER,
  'K001,苏州工业园区精密机械有限公司,公司,91512081MA62K0260E,"100,000.00",30,周明,13812345678,周明,13812345678,江苏省,苏州市,工业园区,星湖街 328 号,215000',
  'K002,无锡梁溪五金店,个人,,5000,0,钱芳,12345678901,钱芳,0510-82345678,江苏省,无锡市,梁溪区,中山路 1 号,214000',
  'K003,常州天宁建材商行,个人,,0,,孙斌,+86 139 0612 3456,孙斌,13906123456,江苏省,常州市,天宁区,"延陵西路 99 号, 3 楼",213000',
]);

const customerCount = () => (t.desk.store.raw.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;

async function customerByCode(code: string): Promise<CustomerDetail> {
  const list = await t.call<{ rows: { id: string; code: string }[] }>('customers.list', { q: code, active: 'all' }, t.admin);
  const row = list.rows.find((r) => r.code === code);
  if (!row) throw new Error(`no customer ${code}`);
  return t.call<CustomerDetail>('customers.get', { id: row.id }, t.admin);
}

describe('import customers from CSV', () => {
  it('previews: counts, parsed rows, and the bad row named by number (header = 1) and field', async () => {
    t = await openTestDesk();
    const p = await t.call<Preview>('import.preview', { kind: 'customers', fileName: 'customers.csv', contentBase64: CUSTOMERS_WITH_ONE_BAD_ROW }, t.admin);
    expect(p.total).toBe(3);
    expect(p.valid).toBe(2);
    expect(p.errors).toEqual([{ row: 3, field: 'mobile', code: 'v.mobile', message: expect.stringContaining('手机号') }]);
    expect(p.errorCount).toBe(1);
    expect(p.rows.map((r) => [r.row, r.ok, r.action])).toEqual([
      [2, true, 'create'],
      [3, false, 'create'],
      [4, true, 'create'],
    ]);
    expect(p.rows[0].data).toMatchObject({ code: 'K001', creditLimit: 10_000_000, paymentTermsDays: 30, kind: 'company' });
    expect(p.columns.map((c) => c.key)).toContain('creditLimit');
    expect(customerCount()).toBe(0);
    const en = await t.call<Preview>('import.preview', { kind: 'customers', fileName: 'customers.csv', contentBase64: CUSTOMERS_WITH_ONE_BAD_ROW, locale: 'en' }, t.admin);
    expect(en.errors[0].message).toMatch(/mobile number/);
  });

  it("'all' refuses the whole file when one row is bad, and writes nothing", async () => {
    t = await openTestDesk();
    const outboxBefore = (t.desk.store.raw.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const e = await refusal(
      t.call('import.commit', { kind: 'customers', fileName: 'customers.csv', contentBase64: CUSTOMERS_WITH_ONE_BAD_ROW, mode: 'all' }, t.admin),
    );
    expect(e.code).toBe('import.hasErrors');
    expect(e.params).toMatchObject({ rows: 1, count: 1, total: 3 });
    expect(e.fields).toEqual([expect.objectContaining({ path: '3.mobile', code: 'v.mobile' })]);
    expect(customerCount()).toBe(0);
    expect((t.desk.store.raw.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(outboxBefore);
  });

  it("'validOnly' imports N−1 rows in one go and hands back the rejected row with its reason", async () => {
    t = await openTestDesk();
    const r = await t.call<Commit>('import.commit', { kind: 'customers', fileName: 'customers.csv', contentBase64: CUSTOMERS_WITH_ONE_BAD_ROW, mode: 'validOnly' }, t.admin);
    expect(r).toMatchObject({ imported: 2, created: 2, updated: 0, rejected: 1 });
    expect(r.rejectedFile?.fileName).toBe('customers-rejected.csv');
    const rejected = parseCsv(decodeText(Buffer.from(r.rejectedFile!.contentBase64, 'base64')));
    expect(rejected[0]).toEqual([...CUSTOMER_HEADER.split(','), '错误']);
    expect(rejected[1][0]).toBe('K002');
    expect(rejected[1][7]).toBe('12345678901');
    expect(rejected[1].at(-1)).toMatch(/^手机: 手机号/);
    expect(rejected).toHaveLength(2);

    const k1 = await customerByCode('K001');
    expect(k1).toMatchObject({ name: '苏州工业园区精密机械有限公司', creditLimit: 10_000_000, paymentTermsDays: 30, pinyin: 'szgyyqjmjxyxgs' });
    expect(k1.contacts).toEqual([expect.objectContaining({ name: '周明', mobile: '13812345678', isPrimary: true })]);
    expect(k1.addresses).toEqual([expect.objectContaining({ city: '苏州市', street: '星湖街 328 号', postcode: '215000', isDefault: true })]);
    const k3 = await customerByCode('K003');
    expect(k3.contacts[0].mobile).toBe('13906123456');
    expect(k3.addresses[0].street).toBe('延陵西路 99 号, 3 楼');

    // The rejected file, corrected, imports (its error column is ignored as an unknown column).
    const fixed = rejected.map((rec, i) => (i === 1 ? rec.map((c, j) => (j === 7 ? '13512345678' : c)) : rec));
    const text = fixed.map((rec) => rec.map((c) => (/[",\s]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
    const preview = await t.call<Preview>('import.preview', { kind: 'customers', fileName: 'fixed.csv', contentBase64: b64(text) }, t.admin);
    expect(preview.unknownColumns).toEqual(['错误']);
    const again = await t.call<Commit>('import.commit', { kind: 'customers', fileName: 'fixed.csv', contentBase64: b64(text) }, t.admin);
    expect(again).toMatchObject({ imported: 1, created: 1, rejected: 0, rejectedFile: null });
    expect(customerCount()).toBe(3);
    const audit = await t.call<{ rows: { handler: string; entity: string; summary: string }[] }>('audit.list', {}, t.admin);
    expect(audit.rows.filter((a) => a.entity === 'import').map((a) => a.summary)).toEqual([
      'import customers from fixed.csv: 1 created, 0 updated',
      'import customers from customers.csv: 2 created, 0 updated',
    ]);
  });

  it('updates existing codes and leaves columns the file does not have alone', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const before = await customerByCode('C001');
    const file = csv(['Code,Credit limit (yuan),Mobile', 'c001,120000,13800138001', 'C9,50,']);
    const p = await t.call<Preview>('import.preview', { kind: 'customers', fileName: 'limits.csv', contentBase64: file }, t.admin);
    expect(p.rows.map((r) => [r.row, r.action, r.ok])).toEqual([
      [2, 'update', true],
      [3, 'create', false],
    ]);
    expect(p.errors.map((e) => `${e.row}.${e.field}:${e.code}`).sort()).toEqual(['3.name:v.required', '3.recipient:customer.addressRequired']);
    const r = await t.call<Commit>('import.commit', { kind: 'customers', fileName: 'limits.csv', contentBase64: file, mode: 'validOnly' }, t.admin);
    expect(r).toMatchObject({ imported: 1, updated: 1, created: 0, rejected: 1 });
    const after = await customerByCode('C001');
    expect(after.creditLimit).toBe(12_000_000);
    expect(after.contacts[0]).toMatchObject({ id: before.contacts[0].id, name: '张伟', mobile: '13800138001', landline: '010-65881234' });
    expect({ ...after, creditLimit: 0, contacts: [], updatedAt: '' }).toEqual({ ...before, creditLimit: 0, contacts: [], updatedAt: '' });
  });

  it('checks references, duplicates and the USCC override rule per row', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const clerk = await t.signInAs('clerk');
    const file = csv([
      '编码,名称,类型,统一社会信用代码,校验放行理由,区域,价格组,收货人,收货电话,省,市,区县,详细地址',
      'N1,甲公司,公司,91512081MA62K0260F,执照核对无误,EAST,VIP,甲,13800000000,浙江省,杭州市,西湖区,一路 1 号',
      'N2,乙公司,公司,91512081MA62K0260E,,WEST,,乙,13800000000,浙江省,杭州市,西湖区,二路 2 号',
      'n2,丙公司,个人,,,,,丙,13800000000,浙江省,杭州市,西湖区,三路 3 号',
      'N4,丁公司,公司,91512081MA62K0260F,,,,丁,13800000000,浙江省,杭州市,西湖区,四路 4 号',
    ]);
    const p = await t.call<Preview>('import.preview', { kind: 'customers', fileName: 'x.csv', contentBase64: file }, clerk);
    expect(p.errors.map((e) => `${e.row}.${e.field}:${e.code}`)).toEqual([
      '2.usccOverrideReason:customer.usccOverrideNotAllowed',
      '3.region:import.unknownRef',
      '4.code:import.duplicate',
      '5.uscc:v.uscc.checkChar',
    ]);
    expect(p.errors[1].params).toEqual({ value: 'WEST' });
    expect(p.errors[3].params).toEqual({ expected: 'E' });
    const asAdmin = await t.call<Preview>('import.preview', { kind: 'customers', fileName: 'x.csv', contentBase64: file }, t.admin);
    expect(asAdmin.errors.map((e) => e.row)).toEqual([3, 4, 5]);
  });
});

describe('import products from .xlsx and stock', () => {
  async function xlsx(rows: unknown[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商品');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('reads typed cells (numbers, percent, booleans) and price-group columns, and the rows read back', async () => {
    t = await openTestDesk();
    const f: MastersFixture = await seedMasters(t);
    const content = await xlsx([
      ['SKU', 'Name', 'Spec', 'Unit', 'List price (yuan)', 'Tax rate (%)', 'Barcode', 'Make to order', 'Price:VIP (yuan)'],
      ['D400-1', '角磨机', '100mm 800W', '台', 289.5, 13, 6901234567100, '否', 260],
      ['D400-2', '冲击钻', '13mm', '台', 199, 0.09, '6901234567101', 'yes', null],
      ['A100-1', '不锈钢螺丝', 'M6×20', '盒', 13, '13%', '6901234567001', false, 12],
    ]);
    const p = await t.call<Preview>('import.preview', { kind: 'products', fileName: 'products.xlsx', contentBase64: content }, t.admin);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'create', 'update']);
    const r = await t.call<Commit>('import.commit', { kind: 'products', fileName: 'products.xlsx', contentBase64: content }, t.admin);
    expect(r).toMatchObject({ imported: 3, created: 2, updated: 1 });
    const hits = await t.call<{ rows: { id: string; sku: string }[] }>('search.products', { q: 'D400' }, t.admin);
    const grinder = await t.call<ProductDetail>('products.get', { id: hits.rows[0].id }, t.admin);
    expect(grinder).toMatchObject({ sku: 'D400-1', listPrice: 28_950, taxRateBp: 1300, barcode: '6901234567100', makeToOrder: false, pinyin: 'jmj' });
    expect(grinder.prices).toEqual([expect.objectContaining({ priceGroupCode: 'VIP', price: 26_000 })]);
    const drill = await t.call<ProductDetail>('products.get', { id: hits.rows[1].id }, t.admin);
    expect(drill).toMatchObject({ taxRateBp: 900, makeToOrder: true, prices: [] });
    const screw = await t.call<ProductDetail>('products.get', { id: f.products['A100-1'] }, t.admin);
    expect(screw).toMatchObject({ listPrice: 1300, prices: [expect.objectContaining({ price: 1200 })] });
  });

  it('names bad cells of an .xlsx by spreadsheet row and column key', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const content = await xlsx([
      ['编码', '名称', '单位', '标价(元)', '税率(%)', '条码', '价格:VIP(元)'],
      ['E1', '扳手', '把', 12.345, 13, null, 10],
      ['E2', '', '把', 10, 130, '6901234567001', 'abc'],
      ['E1', '扳手', '把', 10, 13, null, null],
    ]);
    const p = await t.call<Preview>('import.preview', { kind: 'products', fileName: 'p.xlsx', contentBase64: content }, t.admin);
    expect(p.errors.map((e) => `${e.row}.${e.field}:${e.code}`).sort()).toEqual([
      '2.listPrice:v.money',
      '3.barcode:product.barcodeExists',
      '3.name:v.required',
      '3.price:VIP:v.money',
      '3.taxRate:product.taxRate',
      '4.sku:import.duplicate',
    ]);
  });

  it('sets stock by SKU and warehouse code, refusing unknown codes and on hand below allocated', async () => {
    t = await openTestDesk();
    const f = await seedMasters(t);
    t.desk.store.raw.prepare('UPDATE stock SET allocated = 40 WHERE product_id = ? AND warehouse_id = ?').run(f.products['A100-2'], f.warehouses['WH-A']);
    const file = csv([
      '商品编码,仓库,在库,在途,预计到货,安全库存,库位',
      'A100-1,WH-A,120,10,2026/12/1,25,A-01-02',
      'A100-2,WH-A,30,,,,',
      'NOPE,WH-A,1,,,,',
      'B200-1,WH-Z,1,,,,',
      'M900-1,WH-B,2,,,,B-09',
      'C300-1,WH-B,5,,,,',
    ]);
    const p = await t.call<Preview>('import.preview', { kind: 'stock', fileName: 'stock.csv', contentBase64: file }, t.admin);
    expect(p.errors.map((e) => `${e.row}.${e.field}:${e.code}`)).toEqual([
      '3.onHand:stock.belowAllocated',
      '4.sku:import.unknownRef',
      '5.warehouse:import.unknownRef',
      '6.bin:stock.unknownBin',
    ]);
    const r = await t.call<Commit>('import.commit', { kind: 'stock', fileName: 'stock.csv', contentBase64: file, mode: 'validOnly' }, t.admin);
    expect(r).toMatchObject({ imported: 2, created: 1, updated: 1, rejected: 4 });
    const rows = await t.call<{ rows: StockRow[] }>('stock.list', { warehouseId: f.warehouses['WH-A'], q: 'A100-1' }, t.admin);
    expect(rows.rows[0]).toMatchObject({ onHand: 120, inTransit: 10, inTransitEta: '2026-12-01', safetyStock: 25, binCode: 'A-01-02' });
    const moves = t.desk.store.raw.prepare("SELECT quantity, reference FROM stock_moves WHERE kind = 'adjust' AND reference LIKE 'import%'").all();
    expect(moves).toEqual(expect.arrayContaining([{ quantity: 20, reference: 'import stock.csv' }, { quantity: 5, reference: 'import stock.csv' }]));
  });

  it('reports progress for a large file under the caller\u2019s job id', async () => {
    t = await openTestDesk();
    const lines = ['编码,名称,单位,标价(元)'];
    for (let i = 0; i < 1500; i++) lines.push(`BULK-${String(i).padStart(5, '0')},批量商品${i},个,${(i % 900) + 1}.50`);
    const events: DeskEvent[] = [];
    const off = t.desk.events.on((e) => events.push(e));
    const r = await t.call<Commit>('import.commit', { kind: 'products', fileName: 'bulk.csv', contentBase64: csv(lines), jobId: 'job-7' }, t.admin);
    off();
    expect(r.imported).toBe(1500);
    const progress = events.filter((e): e is Extract<DeskEvent, { type: 'progress' }> => e.type === 'progress');
    expect(progress.every((e) => e.jobId === 'job-7')).toBe(true);
    expect(new Set(progress.map((e) => e.label))).toEqual(new Set(['import.validating', 'import.writing', 'import.done']));
    expect(progress.filter((e) => e.label === 'import.writing').map((e) => e.done)).toEqual([500, 1000, 1500]);
    expect(progress.at(-1)).toMatchObject({ done: 1500, total: 1500, label: 'import.done' });
    expect(events.some((e) => e.type === 'changed' && e.tables.includes('products'))).toBe(true);
  });
});

describe('import refusals', () => {
  it('refuses files it cannot read, with a coded reason', async () => {
    t = await openTestDesk();
    const call = (fileName: string, contentBase64: string, kind = 'customers') =>
      refusal(t.call('import.preview', { kind, fileName, contentBase64 }, t.admin));
    expect((await call('x.xlsx', b64('not a zip'))).code).toBe('import.badFile');
    expect((await call('x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).toString('base64'))).code).toBe('import.badFile');
    expect((await call('x.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]).toString('base64'))).code).toBe('import.oldXls');
    expect((await call('x.csv', b64('\ufeff\r\n,,\r\n'))).code).toBe('import.empty');
    const missing = await call('x.csv', b64('名称,手机\n甲,13800000000\n'));
    expect(missing.code).toBe('import.missingColumn');
    expect(missing.params).toEqual({ column: '编码 / Code' });
    expect((await call('x.csv', b64('编码,Code\nA,B\n'))).code).toBe('import.duplicateColumn');
    expect((await call('x.csv', b64('编码,名称,单位,标价,价格:GOLD\nA,B,个,1,1\n'), 'products')).code).toBe('import.unknownPriceGroup');
    const bad = await refusal(t.call('import.preview', { kind: 'people', fileName: 'x.csv', contentBase64: b64('a') }, t.admin));
    expect(bad.fields.map((f) => `${f.path}:${f.code}`)).toEqual(['kind:v.choice']);
  });

  it('lets the roles that edit a kind import it, nobody else', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const clerk = await t.signInAs('clerk');
    const products = csv(['编码,名称,单位,标价', 'X1,x,个,1']);
    const e = await refusal(t.call('import.commit', { kind: 'products', fileName: 'p.csv', contentBase64: products }, clerk));
    expect(e.code).toBe('auth.forbidden');
    expect(e.params).toEqual({ role: 'clerk', allowed: 'manager, admin' });
    const stock = csv(['商品编码,仓库,在库', 'A100-1,WH-A,5']);
    expect((await refusal(t.call('import.preview', { kind: 'stock', fileName: 's.csv', contentBase64: stock }, clerk))).code).toBe('auth.forbidden');
    const r = await t.call<Commit>('import.commit', { kind: 'customers', fileName: 'c.csv', contentBase64: csv(['编码,信用额度', 'C002,1']) }, clerk);
    expect(r.updated).toBe(1);
  });
});

describe('import templates', () => {
  it('offers an .xlsx template with every column described, and a CSV one', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const x = await t.call<{ fileName: string; contentBase64: string }>('import.template', { kind: 'products', format: 'xlsx' }, t.admin);
    expect(x.fileName).toBe('products-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const [sheet, help] = wb.worksheets;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['编码', '名称', '规格型号', '单位', '类别', '标价(元)', '税率(%)', '条码', '按单生产', 'BOM说明', '启用', '价格:VIP(元)']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(help.rowCount).toBe(header.length + 1);
    const c = await t.call<{ contentBase64: string }>('import.template', { kind: 'stock', format: 'csv', locale: 'en' }, t.admin);
    expect(decodeText(Buffer.from(c.contentBase64, 'base64')).trim()).toBe('SKU,Warehouse,On hand,In transit,ETA,Safety stock,Bin');
  });
});
