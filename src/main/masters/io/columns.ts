import type { ImportKind } from '../../../shared/contract/masters';
import type { Locale } from '../../../shared/i18n/translate';

/**
 * The import/export layouts. A file's header row may use the Chinese name, the English name or the
 * key of a column (case, spaces, full-width characters, a trailing "*" and a unit in brackets do
 * not matter: "信用额度(元)", "信用额度", "Credit limit (yuan)" and "creditLimit" are one column).
 * Columns left out of a file keep their stored values on existing rows. Exports write this layout,
 * so an exported file can be edited and imported back.
 *
 * Types: text; money = yuan with up to two decimals (stored as fen); int = whole number;
 * percent = a tax rate in % (13 or 13% → 1300 bp); bool = 是/否, Y/N, yes/no, 1/0;
 * date = YYYY-MM-DD; code = the code of another master (region, price group, warehouse ...).
 */
export type ColumnType = 'text' | 'code' | 'money' | 'int' | 'percent' | 'bool' | 'date' | 'kind';

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
  /** Needed for a new row. */
  required?: boolean;
  /** Other header names people use for this column. */
  aliases?: readonly string[];
  /** Written by export, ignored by import. */
  readOnly?: boolean;
  note: { zh: string; en: string };
  width?: number;
}

const bool = { zh: '是/否（空 = 是）', en: 'yes/no (blank = yes)' };

export const TEMPLATE: Record<ImportKind, readonly ColumnDef[]> = {
  customers: [
    { key: 'code', zh: '编码', en: 'Code', type: 'text', required: true, aliases: ['客户编码', '客户代码', 'customer code'], note: { zh: '唯一，字母数字 - _ .，最长 32 位；已存在则更新', en: 'Unique; letters, digits, - _ .; up to 32; an existing code is updated' }, width: 14 },
    { key: 'name', zh: '名称', en: 'Name', type: 'text', required: true, aliases: ['客户名称', '公司名称', 'customer name'], note: { zh: '最长 100 字', en: 'Up to 100 characters' }, width: 32 },
    { key: 'kind', zh: '类型', en: 'Kind', type: 'kind', aliases: ['客户类型'], note: { zh: '公司 或 个人（空 = 公司）', en: 'company or person (blank = company)' }, width: 8 },
    { key: 'uscc', zh: '统一社会信用代码', en: 'USCC', type: 'text', aliases: ['信用代码', '税号', 'unified social credit code'], note: { zh: '公司必填，18 位，含校验位', en: 'Required for companies; 18 characters with check character' }, width: 22 },
    { key: 'usccOverrideReason', zh: '校验放行理由', en: 'USCC override reason', type: 'text', note: { zh: '校验位不符时由审批人填写理由', en: 'Reason for accepting a failing check character (approvers)' }, width: 20 },
    { key: 'region', zh: '区域', en: 'Region', type: 'code', aliases: ['区域编码', 'region code'], note: { zh: '区域编码', en: 'Region code' }, width: 10 },
    { key: 'creditLimit', zh: '信用额度(元)', en: 'Credit limit (yuan)', type: 'money', aliases: ['信用额度'], note: { zh: '单位：元，最多两位小数', en: 'In yuan, up to two decimals' }, width: 16 },
    { key: 'paymentTermsDays', zh: '账期(天)', en: 'Payment terms (days)', type: 'int', aliases: ['账期'], note: { zh: '0–365 天', en: '0–365 days' }, width: 10 },
    { key: 'priceGroup', zh: '价格组', en: 'Price group', type: 'code', aliases: ['价格组编码'], note: { zh: '价格组编码', en: 'Price group code' }, width: 10 },
    { key: 'salesRep', zh: '业务员', en: 'Sales rep', type: 'code', aliases: ['业务员编码', '销售代表'], note: { zh: '业务员编码', en: 'Sales rep code' }, width: 10 },
    { key: 'email', zh: '邮箱', en: 'Email', type: 'text', aliases: ['电子邮箱', 'e-mail'], note: { zh: '例如 name@example.com', en: 'e.g. name@example.com' }, width: 22 },
    { key: 'notes', zh: '备注', en: 'Notes', type: 'text', note: { zh: '最长 500 字', en: 'Up to 500 characters' }, width: 20 },
    { key: 'contact', zh: '联系人', en: 'Contact', type: 'text', aliases: ['联系人姓名', 'contact name'], note: { zh: '主要联系人；填写则需手机或座机', en: 'Primary contact; needs a mobile or landline' }, width: 10 },
    { key: 'mobile', zh: '手机', en: 'Mobile', type: 'text', aliases: ['手机号', '手机号码', '联系人手机'], note: { zh: '11 位手机号，可带 +86', en: '11-digit mobile, +86 allowed' }, width: 14 },
    { key: 'landline', zh: '座机', en: 'Landline', type: 'text', aliases: ['电话', '固定电话', 'tel'], note: { zh: '区号-号码，例如 010-88886666', en: 'Area code-number, e.g. 010-88886666' }, width: 14 },
    { key: 'recipient', zh: '收货人', en: 'Recipient', type: 'text', required: true, note: { zh: '默认收货地址的收货人', en: 'Recipient at the default address' }, width: 10 },
    { key: 'phone', zh: '收货电话', en: 'Recipient phone', type: 'text', required: true, aliases: ['收货人电话', '收货手机'], note: { zh: '手机或座机', en: 'Mobile or landline' }, width: 14 },
    { key: 'province', zh: '省', en: 'Province', type: 'text', required: true, aliases: ['省份'], note: { zh: '例如 浙江省', en: 'e.g. 浙江省' }, width: 10 },
    { key: 'city', zh: '市', en: 'City', type: 'text', required: true, aliases: ['城市'], note: { zh: '例如 杭州市', en: 'e.g. 杭州市' }, width: 10 },
    { key: 'district', zh: '区县', en: 'District', type: 'text', required: true, aliases: ['区', '县'], note: { zh: '例如 西湖区', en: 'e.g. 西湖区' }, width: 10 },
    { key: 'street', zh: '详细地址', en: 'Street address', type: 'text', required: true, aliases: ['地址', '街道地址', 'address'], note: { zh: '街道、门牌号', en: 'Street and number' }, width: 30 },
    { key: 'postcode', zh: '邮编', en: 'Postcode', type: 'text', aliases: ['邮政编码'], note: { zh: '6 位数字，可空', en: '6 digits, optional' }, width: 8 },
    { key: 'active', zh: '启用', en: 'Active', type: 'bool', aliases: ['状态'], note: bool, width: 6 },
  ],
  products: [
    { key: 'sku', zh: '编码', en: 'SKU', type: 'text', required: true, aliases: ['商品编码', '货号', '物料编码', 'code'], note: { zh: '唯一；已存在则更新', en: 'Unique; an existing SKU is updated' }, width: 14 },
    { key: 'name', zh: '名称', en: 'Name', type: 'text', required: true, aliases: ['商品名称', '品名'], note: { zh: '最长 100 字', en: 'Up to 100 characters' }, width: 28 },
    { key: 'spec', zh: '规格型号', en: 'Spec', type: 'text', aliases: ['规格', '型号', 'model'], note: { zh: '最长 100 字', en: 'Up to 100 characters' }, width: 18 },
    { key: 'unit', zh: '单位', en: 'Unit', type: 'text', required: true, note: { zh: '例如 个、箱、米', en: 'e.g. 个, 箱, 米' }, width: 6 },
    { key: 'category', zh: '类别', en: 'Category', type: 'text', aliases: ['分类', '商品类别'], note: { zh: '最长 40 字', en: 'Up to 40 characters' }, width: 12 },
    { key: 'listPrice', zh: '标价(元)', en: 'List price (yuan)', type: 'money', required: true, aliases: ['标价', '单价', '售价', '价格'], note: { zh: '不含税单价，单位：元', en: 'Tax-exclusive unit price in yuan' }, width: 12 },
    { key: 'taxRate', zh: '税率(%)', en: 'Tax rate (%)', type: 'percent', aliases: ['税率'], note: { zh: '例如 13 表示 13%（空 = 13）', en: 'e.g. 13 for 13% (blank = 13)' }, width: 8 },
    { key: 'barcode', zh: '条码', en: 'Barcode', type: 'text', aliases: ['条形码', 'ean'], note: { zh: '4–32 位字母数字，唯一', en: '4–32 letters or digits, unique' }, width: 16 },
    { key: 'makeToOrder', zh: '按单生产', en: 'Make to order', type: 'bool', note: { zh: '是/否（空 = 否）', en: 'yes/no (blank = no)' }, width: 8 },
    { key: 'bomNote', zh: 'BOM说明', en: 'BOM note', type: 'text', aliases: ['物料清单'], note: { zh: '组件说明（占位）', en: 'Components (placeholder)' }, width: 20 },
    { key: 'active', zh: '启用', en: 'Active', type: 'bool', aliases: ['状态'], note: bool, width: 6 },
  ],
  stock: [
    { key: 'sku', zh: '商品编码', en: 'SKU', type: 'code', required: true, aliases: ['编码', '货号'], note: { zh: '已有商品的编码', en: 'SKU of an existing product' }, width: 14 },
    { key: 'productName', zh: '商品名称', en: 'Product', type: 'text', readOnly: true, note: { zh: '仅导出，导入时忽略', en: 'Export only; ignored on import' }, width: 24 },
    { key: 'warehouse', zh: '仓库', en: 'Warehouse', type: 'code', required: true, aliases: ['仓库编码', 'warehouse code'], note: { zh: '仓库编码', en: 'Warehouse code' }, width: 10 },
    { key: 'warehouseName', zh: '仓库名称', en: 'Warehouse name', type: 'text', readOnly: true, note: { zh: '仅导出，导入时忽略', en: 'Export only; ignored on import' }, width: 14 },
    { key: 'onHand', zh: '在库', en: 'On hand', type: 'int', aliases: ['库存', '在库数量', '现存量'], note: { zh: '不能少于已分配', en: 'Not below allocated' }, width: 8 },
    { key: 'allocated', zh: '已分配', en: 'Allocated', type: 'int', readOnly: true, note: { zh: '仅导出（由订单占用）', en: 'Export only (held by orders)' }, width: 8 },
    { key: 'available', zh: '可用', en: 'Available', type: 'int', readOnly: true, note: { zh: '仅导出：在库 − 已分配', en: 'Export only: on hand − allocated' }, width: 8 },
    { key: 'inTransit', zh: '在途', en: 'In transit', type: 'int', aliases: ['在途数量'], note: { zh: '已采购未到货', en: 'Ordered, not yet received' }, width: 8 },
    { key: 'inTransitEta', zh: '预计到货', en: 'ETA', type: 'date', aliases: ['预计到货日期', '到货日期'], note: { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' }, width: 12 },
    { key: 'safetyStock', zh: '安全库存', en: 'Safety stock', type: 'int', note: { zh: '可用低于此数即提示缺货', en: 'Below this, the row is short' }, width: 8 },
    { key: 'bin', zh: '库位', en: 'Bin', type: 'text', aliases: ['货位', '库位编码'], note: { zh: '该仓库已有的库位编码', en: 'A bin code of that warehouse' }, width: 10 },
  ],
};

/** Price-group price columns of the product layout: "价格:VIP(元)" / "Price:VIP (yuan)". */
export const PRICE_COLUMN = /^(?:价格|price)\s*[:：]\s*([A-Za-z0-9._-]{1,32})\s*(?:\(.*\))?$/i;
export const priceKey = (groupCode: string) => `price:${groupCode}`;
export const priceHeader = (groupCode: string, locale: Locale) => (locale === 'en' ? `Price:${groupCode} (yuan)` : `价格:${groupCode}(元)`);

/** Header text compared loosely: full-width folded, lower-case, no spaces, no "*", no bracketed unit. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[\s*_-]/g, '');
}

export function headerOf(col: ColumnDef, locale: Locale): string {
  return locale === 'en' ? col.en : col.zh;
}

/** Column lookup by any accepted header name, for one kind. */
export function headerIndex(kind: ImportKind): Map<string, ColumnDef> {
  const map = new Map<string, ColumnDef>();
  for (const col of TEMPLATE[kind]) {
    for (const name of [col.key, col.zh, col.en, ...(col.aliases ?? [])]) {
      const key = normalizeHeader(name);
      if (!map.has(key)) map.set(key, col);
    }
  }
  return map;
}
