import { CUSTOMER_EDITORS, STOCK_EDITORS, type ImportKind } from '../../../shared/contract/masters';
import { DeskError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n/messages';
import type { Locale } from '../../../shared/i18n/translate';
import { uuidv7 } from '../../../shared/ids';
import { importMasters, type ImportArgs, type ImportOutcome, type ImportProgress } from '../../../shared/mutators/masters';
import { MASTER_EDITORS, type Role } from '../../../shared/roles';
import type { HandlerContext, PartialImplementations } from '../../dispatcher/types';
import { writeCsv } from './csv';
import { cellsFor, exportTable, sheetColumns, templateColumns } from './export';
import { TEMPLATE } from './columns';
import { cellText, writeCsvFile, writeXlsx } from './sheet';
import { validateImport, type RowError, type ValidatedImport } from './validate';

type Names = 'import.preview' | 'import.commit' | 'import.template' | 'export.masters';

const IMPORTERS: Record<ImportKind, readonly Role[]> = {
  customers: CUSTOMER_EDITORS,
  products: MASTER_EDITORS,
  stock: STOCK_EDITORS,
};

/** Importing writes the same rows as the edit screens: the same roles may do it. */
function assertMayImport(ctx: HandlerContext, kind: ImportKind): Role {
  const role = ctx.session?.role ?? null;
  if (!role) throw new DeskError('auth.required');
  if (!IMPORTERS[kind].includes(role)) throw new DeskError('auth.forbidden', { role, allowed: IMPORTERS[kind].join(', ') });
  return role;
}

function bytesOf(contentBase64: string, fileName: string): Buffer {
  const clean = contentBase64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(clean)) throw new DeskError('import.badFile', { fileName });
  return Buffer.from(clean, 'base64');
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Progress events for a job; awaiting one lets the transport send it before work goes on. */
function progressFor(ctx: HandlerContext, jobId: string, label: string): (done: number, total: number) => Promise<void> {
  return async (done, total) => {
    ctx.desk.events.emit({ type: 'progress', jobId, done, total, label });
    await yieldToLoop();
  };
}

const withMessages = (errors: RowError[], locale: Locale) =>
  errors.map((e) => Object.assign({}, e, { message: translate(locale, e.code, e.params) }));

const MAX_ERRORS = 2000;

const SHEET_NAMES: Record<ImportKind, { zh: string; en: string }> = {
  customers: { zh: '客户', en: 'Customers' },
  products: { zh: '商品', en: 'Products' },
  stock: { zh: '库存', en: 'Stock' },
};

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** The rows that were not imported, as the file had them, with one more column saying why. */
function rejectedFile(v: ValidatedImport, locale: Locale): { fileName: string; contentBase64: string } {
  const headerOf = new Map(v.columns.map((c) => [c.key, c.header]));
  const width = v.headerCells.length;
  const records = [
    [...v.headerCells, locale === 'en' ? 'Errors' : '错误'],
    ...v.rejected.map((r) => {
      const cells = Array.from({ length: width }, (_, i) => cellText(r.cells[i] ?? null));
      const why = r.errors.map((e) => `${headerOf.get(e.field) ?? e.field}: ${translate(locale, e.code, e.params)}`).join('; ');
      return [...cells, why];
    }),
  ];
  const base = v.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `${base}-rejected.csv`, contentBase64: Buffer.from(writeCsv(records), 'utf8').toString('base64') };
}

interface CommitSide {
  validated: ValidatedImport;
  locale: Locale;
  jobId: string;
}
/** prepare → finish hand-over; keyed by the request's context, never stored in the outbox. */
const sides = new WeakMap<HandlerContext, CommitSide>();
const reporters = new WeakMap<object, ImportProgress>();

export const ioHandlers: PartialImplementations<Names> = {
  'import.preview': async (ctx, input) => {
    const role = assertMayImport(ctx, input.kind);
    const v = await validateImport(ctx.desk.store.raw, input.kind, input.fileName, bytesOf(input.contentBase64, input.fileName), role);
    return {
      total: v.total,
      valid: v.good.length,
      columns: v.columns,
      unknownColumns: v.unknownColumns,
      rows: v.preview,
      errors: withMessages(v.errors.slice(0, MAX_ERRORS), input.locale),
      errorCount: v.errors.length,
    };
  },

  'import.commit': {
    prepare: async (ctx, input) => {
      const role = assertMayImport(ctx, input.kind);
      const jobId = input.jobId ?? uuidv7();
      const v = await validateImport(
        ctx.desk.store.raw,
        input.kind,
        input.fileName,
        bytesOf(input.contentBase64, input.fileName),
        role,
        progressFor(ctx, jobId, 'import.validating'),
      );
      if (input.mode === 'all' && v.errors.length) {
        throw new DeskError('import.hasErrors', { rows: v.rejected.length, count: v.errors.length, total: v.total }, {
          status: 422,
          fields: v.errors.slice(0, 100).map((e) => ({ path: `${e.row}.${e.field}`, code: e.code, params: e.params })),
        });
      }
      sides.set(ctx, { validated: v, locale: input.locale, jobId });
      const args = { kind: input.kind, fileName: input.fileName, rows: v.good } as ImportArgs;
      // Inside the transaction progress is announced without yielding the event loop: nothing else
      // may run on the connection while the import's rows are uncommitted. Validation (outside it)
      // is the long part and does yield, so its events reach the screen as they happen.
      reporters.set(args, (done, total) => {
        ctx.desk.events.emit({ type: 'progress', jobId, done, total, label: 'import.writing' });
      });
      return args;
    },
    mutate: (tx, args: ImportArgs, env) => importMasters(reporters.get(args))(tx, args, env),
    finish: (ctx, result: ImportOutcome) => {
      const side = sides.get(ctx)!;
      const { validated: v, locale, jobId } = side;
      ctx.desk.events.emit({ type: 'progress', jobId, done: v.total, total: v.total, label: 'import.done' });
      return {
        imported: result.imported,
        created: result.created,
        updated: result.updated,
        rejected: v.rejected.length,
        rejectedFile: v.rejected.length ? rejectedFile(v, locale) : null,
      };
    },
  },

  'import.template': async (ctx, input) => {
    const columns = templateColumns(ctx.desk.store.raw, input.kind, input.locale);
    const zh = input.locale !== 'en';
    const fileName = `${input.kind}-template.${input.format}`;
    if (input.format === 'csv') {
      return { fileName, contentBase64: writeCsvFile(sheetColumns(columns), []).toString('base64') };
    }
    const defs = new Map(TEMPLATE[input.kind].map((c) => [c.key, c]));
    const help = columns.map((c) => {
      const def = defs.get(c.key);
      const note = def ? (zh ? def.note.zh : def.note.en) : zh ? '该价格组的价格，单位：元；空 = 无' : 'Price of that group in yuan; blank = none';
      return [c.header, c.key, def?.required ? (zh ? '是' : 'yes') : '', note];
    });
    const buffer = await writeXlsx([
      { name: zh ? SHEET_NAMES[input.kind].zh : SHEET_NAMES[input.kind].en, columns: sheetColumns(columns), rows: [] },
      {
        name: zh ? '说明' : 'Columns',
        columns: [
          { header: zh ? '列名' : 'Column', type: 'text', width: 22 },
          { header: zh ? '键' : 'Key', type: 'text', width: 18 },
          { header: zh ? '新建必填' : 'Required for new rows', type: 'text', width: 12 },
          { header: zh ? '说明' : 'Notes', type: 'text', width: 60 },
        ],
        rows: help,
      },
    ]);
    return { fileName, contentBase64: buffer.toString('base64') };
  },

  'export.masters': async (ctx, input) => {
    const table = exportTable(ctx.desk.store.raw, input.kind, input.locale, input.active);
    const columns = sheetColumns(table.columns);
    const rows = table.rows.map((r) => cellsFor(table.columns, r, input.format, input.locale));
    const fileName = `${input.kind}-${stamp()}.${input.format}`;
    const zh = input.locale !== 'en';
    const buffer =
      input.format === 'csv'
        ? writeCsvFile(columns, rows)
        : await writeXlsx([{ name: zh ? SHEET_NAMES[input.kind].zh : SHEET_NAMES[input.kind].en, columns, rows }]);
    return { fileName, contentBase64: buffer.toString('base64'), rows: rows.length };
  },
};
