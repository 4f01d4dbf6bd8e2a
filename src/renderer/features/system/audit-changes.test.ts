import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { AUDIT_FIELDS, changeEntries, describeChanges, humanizeKey } from './audit-changes';
import { systemText } from './i18n';

const zh = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  describeChanges({ before, after }, i18n.getFixedT('zh-CN'), { locale: 'zh-CN' });
const en = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  describeChanges({ before, after }, i18n.getFixedT('en'), { locale: 'en' });

describe('the changes column', () => {
  it('names a customer’s fields and reads money, days and flags the way a manager says them', () => {
    const before = { credit_limit: 5_000_000, payment_terms_days: 30, active: 1 };
    const after = { credit_limit: 8_000_000, payment_terms_days: 45, active: 0 };
    expect(zh(before, after)).toBe('信用额度: ¥50,000.00 → ¥80,000.00；账期（天）: 30 → 45；启用: 是 → 否');
    expect(en(before, after)).toBe('Credit limit: ¥50,000.00 → ¥80,000.00; Terms (days): 30 → 45; Active: yes → no');
  });

  it('names order statuses and leaves out what did not change', () => {
    const before = { status: 'on_hold', total: 120_000, custom_flag: 1 };
    const after = { status: 'approved', total: 120_000, custom_flag: 1 };
    expect(zh(before, after)).toBe('状态: 待审核 → 已审核');
    expect(en(before, after)).toBe('Status: On hold → Approved');
  });

  it('lists the fields of a side that stands alone, without the empty ones', () => {
    const after = { status: 'submitted', total: 1_234_550, custom_flag: 0, duplicate_confirmed: 1, customer_po: null };
    expect(zh({ status: 'draft' }, after)).toBe('状态: 草稿 → 已提交；价税合计: ¥12,345.50；含定制要求: 否；已确认的疑似重复单: 是');
    expect(en({ status: 'draft' }, after)).toBe('Status: Draft → Submitted; Total: ¥12,345.50; Custom requirements: no; Confirmed possible duplicate: yes');
  });

  it('still shows a key nobody labelled, by its words', () => {
    expect(zh({ loyalty_points: 10 }, { loyalty_points: 25 })).toBe('Loyalty points: 10 → 25');
    expect(en(null, { someNewFlag: 'gold' })).toBe('Some new flag: gold');
    expect(humanizeKey('amountDelta')).toBe('Amount delta');
    // A key that happens to be an Object.prototype name is still just a key.
    expect(en(null, { constructor: 'x' })).toBe('Constructor: x');
  });

  it('counts nested lists instead of dumping them', () => {
    const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `C${i}`, mobile: null }));
    expect(zh({ contacts: contacts(1) }, { contacts: contacts(3) })).toBe('联系人: 1 项 → 3 项');
    expect(en({ contacts: contacts(1) }, { contacts: contacts(3) })).toBe('Contacts: 1 item → 3 items');
    // Same count, other content: it still says the list changed.
    expect(zh({ contacts: contacts(2) }, { contacts: [{ name: 'X' }, { name: 'Y' }] })).toBe('联系人: 已修改');
    expect(en(null, { lines: ['P-1 x2 @1000', 'P-2 x1 @500'] })).toBe('Lines: 2 items');
  });

  it('says what an order change changed, entry by entry, the way the order’s versions do', () => {
    const diff = [
      { field: 'deliveryMethod', before: 'delivery', after: 'courier' },
      { field: 'line.quantity', line: 2, sku: 'BG01', before: 3, after: 5 },
      { field: 'line.added', line: 3, sku: 'DK12', before: null, after: { quantity: 2, unitPrice: 45_000, discountBp: 0, total: 90_000 } },
      { field: 'total', before: 150_000, after: 270_000 },
    ];
    expect(zh(null, { revision: 1, diff })).toBe(
      '版本: 1；变更内容: 配送方式: 送货上门 → 快递、第 2 行 BG01 数量: 3 → 5、第 3 行 DK12 新增行: 数量 2，单价 ¥450.00，金额 ¥900.00、价税合计: ¥1,500.00 → ¥2,700.00',
    );
    expect(en(null, { diff: diff.slice(0, 2) })).toBe('What changed: Delivery: Our delivery → Courier, Line 2 BG01 Qty: 3 → 5');
  });

  it('counts a long list and cuts a long text in the column, and gives them whole to the detail pane', () => {
    const diff = Array.from({ length: 7 }, (_, i) => ({ field: 'line.quantity', line: i + 1, sku: `SK${i}`, before: 1, after: 2 }));
    const notes = '客户要求：'.padEnd(80, '加急');
    expect(zh(null, { diff, notes })).toBe(`变更内容: 7 项；备注: ${notes.slice(0, 59)}…`);
    const whole = changeEntries({ before: null, after: { diff, notes } }, i18n.getFixedT('zh-CN'), { locale: 'zh-CN', whole: true });
    expect(whole).toEqual([`变更内容: ${diff.map((d) => `第 ${d.line} 行 ${d.sku} 数量: 1 → 2`).join('、')}`, `备注: ${notes}`]);
  });

  it('keeps ids out: no id field, only the tail of a reference', () => {
    const region = (tail: string) => `0190b3a2-7c1e-7000-8000-00000000${tail}`;
    expect(zh({ id: 'x', region_id: region('ab12') }, { id: 'x', region_id: region('cd34') })).toBe('区域: …ab12 → …cd34');
  });

  it('names users’ roles and a null approval limit', () => {
    expect(zh({ role: 'clerk', approval_limit: null }, { role: 'approver', approval_limit: 2_000_000 })).toBe(
      '角色: 录单员 → 审批人；审批额度: 按角色 → ¥20,000.00',
    );
    expect(en({ role: 'clerk', approval_limit: null }, { role: 'approver', approval_limit: 2_000_000 })).toBe(
      'Role: Clerk → Approver; Approval limit: Role default → ¥20,000.00',
    );
  });

  it('reads a per-role setting role by role, naming only the roles that changed', () => {
    const before = { approvalLimits: { clerk: 0, approver: 20_000_000, warehouse: 0, manager: null, admin: null } };
    const after = { approvalLimits: { clerk: 0, approver: 30_000_000, warehouse: 0, manager: 100_000_000, admin: null } };
    expect(zh(before, after)).toBe('各角色审批额度: 审批人 ¥200,000.00 → ¥300,000.00、经理 不限 → ¥1,000,000.00');
    expect(zh({ discountLimitsBp: { clerk: 1000 } }, { discountLimitsBp: { clerk: 1250 } })).toBe('各角色最大折扣: 录单员 10% → 12.5%');
  });

  it('names hold codes, decisions and orders that looked like duplicates', () => {
    const before = { status: 'on_hold', holds: [{ id: 'h1', kind: 'credit', code: 'credit.overLimit' }] };
    const after = { status: 'approved', decision: 'release', comment: null, confirmation: null, newHolds: [] };
    expect(zh(before, after)).toBe('状态: 待审核 → 已审核；审核项: 超出信用额度；审批结果: 放行');
    expect(en(null, { duplicates: [{ number: 'SO-1', reason: 'lines' }, { number: 'SO-2', reason: 'po' }] })).toBe('Possible duplicate order: SO-1, SO-2');
  });

  it('says an entry was too long to keep rather than printing its cut-off JSON', () => {
    expect(zh(null, { truncated: '{"lines":["P-1 x2 @1000",' })).toBe('（内容过长，未完整记录）');
  });

  it('says nothing when there is nothing', () => {
    expect(zh(null, null)).toBe('');
    expect(zh({ active: 1 }, { active: 1 })).toBe('');
  });
});

describe('system screen text', () => {
  it('labels every known audit field in both languages (a reused key that is gone would show raw)', () => {
    const missing = Object.entries(AUDIT_FIELDS).flatMap(([field, spec]) =>
      (['zh-CN', 'en'] as const).filter((lng) => typeof i18n.getResource(lng, 'translation', spec.label) !== 'string').map((lng) => `${field} ${lng} ${spec.label}`),
    );
    expect(missing).toEqual([]);
  });

  it('has every key in both languages (English plural forms aside)', () => {
    const zhKeys = Object.keys(systemText['zh-CN']).sort();
    const enKeys = Object.keys(systemText.en)
      .filter((k) => !k.endsWith('_one'))
      .sort();
    expect(enKeys).toEqual(zhKeys);
  });
});
