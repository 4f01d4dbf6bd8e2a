/**
 * The words the order list search matches (orders.search_text, indexed by orders_fts trigram):
 * number, customer code / name / pinyin initials, contact and ship-to phones, SKUs, customer PO.
 */
export interface SearchTextParts {
  number: string;
  customerCode: string;
  customerName: string;
  customerPinyin: string;
  contactPhone?: string | null;
  shipPhone?: string | null;
  skus: readonly string[];
  customerPo?: string | null;
}

export function buildSearchText(p: SearchTextParts): string {
  const words = [
    p.number,
    p.customerCode,
    p.customerName,
    p.customerPinyin,
    p.contactPhone,
    p.shipPhone,
    ...p.skus,
    p.customerPo,
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    const t = (w ?? '').trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out.join(' ');
}
