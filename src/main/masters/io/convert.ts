import { parseMoney } from '../../../shared/money';
import { isIsoDate } from '../../../shared/validators';
import type { ColumnType } from './columns';
import { cellText, type Cell } from './sheet';

export type Converted =
  | { ok: true; value: string | number | boolean | null | undefined }
  | { ok: false; code: string; params?: Record<string, string | number> };

const ok = (value: string | number | boolean | null | undefined): Converted => ({ ok: true, value });
const bad = (code: string, params?: Record<string, string | number>): Converted => ({ ok: false, code, params });

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '启用', '有效', 'on', '√', '✓']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '停用', '无效', 'off', '×', '✗']);

/** Yuan as typed or stored in a sheet → fen, exactly (floats only ever come from .xlsx number cells). */
function moneyOf(cell: Cell): Converted {
  if (typeof cell === 'number') {
    const fen = Math.round(cell * 100);
    if (!Number.isFinite(cell) || cell < 0 || Math.abs(cell * 100 - fen) > 1e-6 || !Number.isSafeInteger(fen)) return bad('v.money');
    return ok(fen);
  }
  const fen = parseMoney(cellText(cell));
  return fen === null || fen < 0 ? bad('v.money') : ok(fen);
}

function intOf(cell: Cell): Converted {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? ok(cell) : bad('import.integer');
  const text = cellText(cell).replace(/[,\s]/g, '');
  return /^-?\d{1,15}$/.test(text) ? ok(Number(text)) : bad('import.integer');
}

/** 13, "13", "13%" → 1300 bp; a fraction below 1 (Excel's 13% cell holds 0.13) → ×100 first. */
function percentOf(cell: Cell): Converted {
  let n: number;
  if (typeof cell === 'number') n = cell > 0 && cell < 1 ? cell * 100 : cell;
  else {
    const text = cellText(cell).replace(/\s/g, '');
    if (!/^\d{1,3}(\.\d{1,2})?%?$/.test(text)) return bad('product.taxRate');
    n = Number(text.replace('%', ''));
  }
  const bp = Math.round(n * 100);
  if (!Number.isFinite(n) || Math.abs(n * 100 - bp) > 1e-6 || bp < 0 || bp > 10000) return bad('product.taxRate');
  return ok(bp);
}

function boolOf(cell: Cell): Converted {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return bad('import.boolean');
}

function dateOf(cell: Cell): Converted {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad('v.date') : ok(cell.toISOString().slice(0, 10));
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cellText(cell));
  if (!m) return bad('v.date');
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? ok(iso) : bad('v.date');
}

function kindOf(cell: Cell): Converted {
  const text = cellText(cell).toLowerCase();
  if (['公司', '企业', '单位', 'company', 'c'].includes(text)) return ok('company');
  if (['个人', 'person', 'p', 'individual'].includes(text)) return ok('person');
  return bad('v.choice');
}

const isBlankCell = (cell: Cell | undefined) => cell === undefined || cell === null || (typeof cell === 'string' && cellText(cell) === '');

/**
 * One cell → the value the row schema expects. Blank text is undefined (the field is cleared);
 * a blank number, yes/no or kind is undefined too and the caller keeps the stored value.
 */
export function convertCell(type: ColumnType, cell: Cell | undefined): Converted {
  if (isBlankCell(cell)) return ok(undefined);
  const c = cell as Cell;
  switch (type) {
    case 'text':
    case 'code':
      return ok(cellText(c));
    case 'money':
      return moneyOf(c);
    case 'int':
      return intOf(c);
    case 'percent':
      return percentOf(c);
    case 'bool':
      return boolOf(c);
    case 'date':
      return dateOf(c);
    case 'kind':
      return kindOf(c);
  }
}
