/**
 * RFC 4180 CSV, as Excel and WPS write it: quoted fields with "" for a quote, CR LF or LF line
 * ends, line breaks inside quotes. Files are read as UTF-8 (a BOM is dropped); a file that is not
 * valid UTF-8 is read as GB 18030, which is what Chinese Excel writes for "CSV (逗号分隔)".
 */

const BOM = '\ufeff';

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The separator of the first line: comma unless tabs or semicolons clearly dominate. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ',';
}

/** Parse CSV text into records of fields. A trailing line break does not make an extra record. */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted field is kept as text (lenient, as spreadsheet programs are).
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Text a spreadsheet would run as a formula starts with one of these; such text gets a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undo guardFormula on import: '=SUM(1) exported by us reads back as =SUM(1). */
export function unguardFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export type CsvValue = string | number | null | undefined;

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : guardFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 BOM (so Excel opens Chinese text correctly) and CR LF line ends. */
export function writeCsv(records: readonly (readonly CsvValue[])[]): string {
  return BOM + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
