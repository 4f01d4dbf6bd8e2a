import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DeskError } from '../../../shared/errors';
import { decodeText, guardFormula, parseCsv, unguardFormula, writeCsv, type CsvValue } from './csv';

/** One cell as read from a file: CSV gives text; .xlsx gives typed values. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** Spreadsheet row number (1-based, as the spreadsheet program shows it). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  header: SheetRow;
  rows: SheetRow[];
}

/** More rows than this is not a master-data file but an accident. */
export const MAX_IMPORT_ROWS = 200_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text as ExcelJS.CellValue);
  return null; // error values (#N/A ...) read as blank
}

/** Text of a cell for display and for text columns; a guard quote we wrote on export is dropped. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  return unguardFormula(cell.trim());
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function toSheet(format: Sheet['format'], all: SheetRow[]): Sheet {
  const nonBlank = all.filter((r) => !isBlank(r.cells));
  if (!nonBlank.length) throw new DeskError('import.empty');
  const [header, ...rows] = nonBlank;
  if (rows.length > MAX_IMPORT_ROWS) throw new DeskError('import.tooManyRows', { max: MAX_IMPORT_ROWS, rows: rows.length }, { status: 413 });
  return { format, header, rows };
}

/** Read the first worksheet of an .xlsx, or a CSV (by content: a zip is .xlsx, anything else CSV). */
export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  if (startsWith(bytes, OLE_MAGIC)) throw new DeskError('import.oldXls', { fileName });
  if (startsWith(bytes, ZIP_MAGIC)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new DeskError('import.badFile', { fileName });
    }
    const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
    if (!ws) throw new DeskError('import.empty');
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, row) => {
      const values = r.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      rows.push({ row, cells });
    });
    return toSheet('xlsx', rows);
  }
  if (/\.xlsx$/i.test(fileName)) throw new DeskError('import.badFile', { fileName });
  if (bytes.includes(0)) throw new DeskError('import.badFile', { fileName });
  const records = parseCsv(decodeText(bytes));
  return toSheet('csv', records.map((cells, i) => ({ row: i + 1, cells })));
}

// ---------------------------------------------------------------- writing

export interface SheetColumn {
  header: string;
  /** money: yuan with 0.00 format; int: whole number; date: yyyy-mm-dd; text: stored as text (@). */
  type: 'text' | 'money' | 'int' | 'number' | 'date';
  width?: number;
}

export type OutValue = string | number | boolean | Date | null | undefined;

function xlsxValue(col: SheetColumn, value: OutValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return col.type === 'text' ? guardFormula(value) : value;
  return value;
}

const numFmt: Record<SheetColumn['type'], string | undefined> = {
  text: '@',
  money: '0.00',
  int: '0',
  number: undefined,
  date: 'yyyy-mm-dd',
};

/**
 * A real .xlsx: typed cells (numbers are numbers, dates are dates), a bold frozen header row, and
 * text that a spreadsheet could mistake for a formula prefixed with '. Streams rows, so a large
 * export does not hold a whole workbook model in memory.
 */
export async function writeXlsx(
  sheets: { name: string; columns: SheetColumn[]; rows: Iterable<OutValue[]> }[],
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? 12,
      style: numFmt[c.type] ? { numFmt: numFmt[c.type] } : {},
    }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for (const values of sheet.rows) {
      ws.addRow(sheet.columns.map((c, i) => xlsxValue(c, values[i]))).commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export function writeCsvFile(columns: SheetColumn[], rows: Iterable<OutValue[]>): Buffer {
  const records: CsvValue[][] = [columns.map((c) => c.header)];
  for (const values of rows) {
    records.push(
      values.map((v) => {
        if (v === null || v === undefined) return null;
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === 'boolean') return v ? '是' : '否';
        return v;
      }),
    );
  }
  return Buffer.from(writeCsv(records), 'utf8');
}
