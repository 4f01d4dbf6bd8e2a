import type { CustomerSaveInput, ImportKind, ProductSaveInput, StockSetInput } from '../../contract/masters';
import type { AuditEntry, Mutator } from '../env';
import { writeCustomers } from './customers';
import { writeProducts } from './products';
import { writeStock } from './stock';

export interface ImportRow<T> {
  /** Spreadsheet row number (header = 1), so a refusal names the row. */
  row: number;
  input: T;
}

/** What the desk recorded from a parsed file: complete rows, existing ones carrying their id. */
export type ImportArgs =
  | { kind: 'customers'; fileName: string; rows: ImportRow<CustomerSaveInput>[] }
  | { kind: 'products'; fileName: string; rows: ImportRow<ProductSaveInput>[] }
  | { kind: 'stock'; fileName: string; rows: ImportRow<StockSetInput>[] };

export interface ImportOutcome {
  kind: ImportKind;
  imported: number;
  created: number;
  updated: number;
}

export type ImportProgress = (done: number, total: number) => Promise<void> | void;

/** Rows per batch; progress is reported after each. */
export const IMPORT_BATCH = 500;

/**
 * Write every row of an import in the caller's one transaction: all rows or none. The desk passes a
 * progress callback; the hub replays without one.
 */
export function importMasters(progress?: ImportProgress): Mutator<ImportArgs, ImportOutcome> {
  return async (tx, args, env) => {
    const audit: AuditEntry[] = [];
    let created = 0;
    let updated = 0;
    const total = args.rows.length;
    for (let start = 0; start < total; start += IMPORT_BATCH) {
      const part = args.rows.slice(start, start + IMPORT_BATCH);
      const pathOf = (i: number, path: string) => `${part[i].row}.${path}`;
      const out =
        args.kind === 'customers'
          ? await writeCustomers(tx, (part as ImportRow<CustomerSaveInput>[]).map((r) => r.input), env, pathOf)
          : args.kind === 'products'
            ? await writeProducts(tx, (part as ImportRow<ProductSaveInput>[]).map((r) => r.input), env, pathOf)
            : await writeStock(tx, (part as ImportRow<StockSetInput>[]).map((r) => r.input), env, `import ${args.fileName}`, pathOf, {
                code: 'audit.stock.imported',
                params: { fileName: args.fileName },
              });
      created += out.created;
      updated += out.updated;
      audit.push(...out.audit);
      await progress?.(Math.min(start + IMPORT_BATCH, total), total);
    }
    audit.unshift({
      entity: 'import',
      entityId: args.kind,
      code: 'audit.import.done',
      params: { dataset: args.kind, fileName: args.fileName, created, updated },
      summary: `import ${args.kind} from ${args.fileName}: ${created} created, ${updated} updated`,
    });
    return { result: { kind: args.kind, imported: total, created, updated }, audit };
  };
}
