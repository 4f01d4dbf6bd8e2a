/**
 * Bulk writing for generators (demo data, benchmark fixtures): typed rows into cached prepared
 * statements, and insert triggers replayed once per batch instead of once per row.
 */
import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { DB, TableName } from '../../shared/db/schema';

/** The row's columns, checked to be plain names: they are written into SQL and into a generated accessor. */
function columnsOf(row: object): string[] {
  const columns = Object.keys(row);
  for (const c of columns) if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new RangeError(`unexpected column name ${c}`);
  return columns;
}

/**
 * Inserts rows of one table through one prepared statement. The column list is taken from the
 * first row, whose type is the table's Kysely row type: a column added to the table type is a
 * compile error at every generator until it fills it in.
 */
export class TableWriter<T extends TableName> {
  private stmt: Database.Statement | null = null;
  private values: ((row: object) => unknown[]) | null = null;

  constructor(
    private raw: Database.Database,
    readonly table: T,
    /** When given, the time spent inside SQLite is added to it (benchmarks). */
    private timer?: StorageTimer,
  ) {}

  /** Returns the rowid of the new row. */
  insert(row: Insertable<DB[T]>): number {
    if (!this.stmt || !this.values) {
      const columns = columnsOf(row);
      this.stmt = this.raw.prepare(`INSERT INTO ${this.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      // A generated accessor reads the properties by name, which V8 keeps monomorphic.
      this.values = new Function('r', `return [${columns.map((c) => `r.${c}`).join(', ')}];`) as (row: object) => unknown[];
    }
    if (!this.timer) return Number(this.stmt.run(this.values(row)).lastInsertRowid);
    const values = this.values(row);
    const t0 = performance.now();
    const rowid = Number(this.stmt.run(values).lastInsertRowid);
    this.timer.ms += performance.now() - t0;
    return rowid;
  }
}

/** Rows per INSERT of a BatchWriter: 32 cut the cost of a demo order line by about a fifth against one. */
export const ROWS_PER_STATEMENT = 32;

/**
 * Like TableWriter, for the bulk of a generator: rows wait in memory and go to SQLite
 * `rowsPerStatement` at a time, as one multi-row INSERT. Each statement call from JavaScript has a
 * fixed cost (the call into the binding, the reset, the result object) that one row per call paid
 * for every one of a demo load's ~5 million rows.
 *
 * Rows are not in the table until flush() — which the writer calls itself whenever a statement's
 * worth is waiting. Call flush() before anything reads the table (an index replay, a rowid range)
 * and before the transaction commits. Returns no rowids: a caller that needs them reads the range
 * the flush left (rowids of a table filled only by appends are consecutive).
 */
export class BatchWriter<T extends TableName> {
  private readonly statements = new Map<number, Database.Statement>();
  private columns: string[] | null = null;
  private append: ((row: object, out: unknown[]) => void) | null = null;
  private pending: unknown[] = [];
  private rows = 0;

  constructor(
    private raw: Database.Database,
    readonly table: T,
    /** When given, the time spent inside SQLite is added to it (benchmarks). */
    private timer?: StorageTimer,
    readonly rowsPerStatement = ROWS_PER_STATEMENT,
  ) {
    if (!Number.isInteger(rowsPerStatement) || rowsPerStatement < 1) throw new RangeError(`rowsPerStatement must be a positive integer, got ${rowsPerStatement}`);
  }

  insert(row: Insertable<DB[T]>): void {
    if (!this.append) {
      this.columns = columnsOf(row);
      this.append = new Function('r', 'out', `out.push(${this.columns.map((c) => `r.${c}`).join(', ')});`) as (row: object, out: unknown[]) => void;
    }
    this.append(row, this.pending);
    if (++this.rows === this.rowsPerStatement) this.flush();
  }

  /** Write every waiting row. */
  flush(): void {
    if (this.rows === 0) return;
    const stmt = this.statement(this.rows);
    const t0 = this.timer ? performance.now() : 0;
    stmt.run(this.pending);
    if (this.timer) this.timer.ms += performance.now() - t0;
    this.pending.length = 0;
    this.rows = 0;
  }

  private statement(rows: number): Database.Statement {
    let stmt = this.statements.get(rows);
    if (!stmt) {
      const columns = this.columns!;
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      stmt = this.raw.prepare(`INSERT INTO ${this.table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
      this.statements.set(rows, stmt);
    }
    return stmt;
  }
}

/** Milliseconds spent in SQLite statements, summed by the writers that share it. */
export interface StorageTimer {
  ms: number;
}

interface Deferred {
  name: string;
  create: string;
  replay: string;
}

/**
 * AFTER INSERT triggers of a table (the FTS triggers), rewritten so one statement replays them for
 * a range of rows: `INSERT INTO t_fts (rowid, text) VALUES (new.seq, new.x)` becomes
 * `INSERT INTO t_fts (rowid, text) SELECT new.seq, new.x FROM t AS new WHERE new.seq BETWEEN …`.
 *
 * Why: a row insert that fires a trigger runs inside a statement savepoint, and FTS5 flushes its
 * pending terms to a new segment at every savepoint, so a trigger-fed FTS index costs about four
 * times more per row than the same rows indexed by one INSERT … SELECT.
 *
 * Returns null when a trigger is not of that simple shape (WHEN clause, other statements, quoted
 * semicolons): the caller then keeps the triggers and pays the slower path.
 */
export function deferInsertTriggers(raw: Database.Database, table: string, key = 'seq'): Deferred[] | null {
  const rows = raw
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`)
    .all(table) as { name: string; sql: string }[];
  const out: Deferred[] = [];
  for (const t of rows) {
    const head = /^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+(AFTER|BEFORE|INSTEAD\s+OF)\s+(\w+)/i.exec(t.sql);
    if (!head) return null;
    if (head[2].toUpperCase() !== 'INSERT') continue;
    if (head[1].toUpperCase() !== 'AFTER') return null;
    const m = /^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+AFTER\s+INSERT\s+ON\s+"?(\w+)"?\s+(?:FOR\s+EACH\s+ROW\s+)?BEGIN\s+([\s\S]*?)\s*END\s*$/i.exec(t.sql);
    if (!m || m[1] !== table) return null;
    const body = m[2];
    if (/'[^']*;[^']*'/.test(body)) return null;
    const statements = body.split(';').map((s) => s.trim()).filter(Boolean);
    const replays: string[] = [];
    for (const s of statements) {
      const ins = /^INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([\s\S]*)\)$/i.exec(s);
      if (!ins) return null;
      replays.push(`INSERT INTO ${ins[1]} (${ins[2]}) SELECT ${ins[3]} FROM ${table} AS new WHERE new.${key} BETWEEN @lo AND @hi ORDER BY new.${key}`);
    }
    out.push(...replays.map((replay, i) => ({ name: i === 0 ? t.name : '', create: i === 0 ? t.sql : '', replay })));
  }
  return out;
}

/**
 * Run `fill` (which inserts rows into `table` and returns the first and last rowid it wrote, or
 * null) inside one transaction with the table's insert triggers swapped for a per-batch replay.
 * The triggers are dropped and re-created in the same transaction, so no committed state ever
 * lacks them, and the indexes end up exactly as the triggers would have left them.
 */
export function withBatchedTriggers(raw: Database.Database, table: string, fill: () => { lo: number; hi: number } | null): void {
  const deferred = deferInsertTriggers(raw, table);
  raw.transaction(() => {
    if (!deferred) {
      fill();
      return;
    }
    for (const d of deferred) if (d.name) raw.exec(`DROP TRIGGER ${d.name}`);
    const range = fill();
    if (range) for (const d of deferred) raw.prepare(d.replay).run(range);
    for (const d of deferred) if (d.create) raw.exec(d.create);
  })();
}

/** FTS5's own default for the in-memory term buffer flushed into a new segment. */
const FTS5_DEFAULT_HASHSIZE = 1024 * 1024;

/**
 * Run a bulk load with a larger FTS5 term buffer on the given FTS tables, then put the default back.
 * With the default 1 MB buffer, a million orders flush hundreds of small segments that FTS5 then
 * merges level by level; a 64 MB buffer flushes a few large ones, which cut the index cost of
 * a demo order by about two thirds. The setting lives in each table's _config, so it is restored
 * even when the load fails.
 */
export async function withFtsBuffer<R>(raw: Database.Database, ftsTables: readonly string[], fn: () => Promise<R> | R, bytes = 64 * 1024 * 1024): Promise<R> {
  const set = (size: number) => {
    for (const t of ftsTables) {
      if (!/^\w+$/.test(t)) throw new RangeError(`not an FTS table name: ${t}`);
      // FTS5 reads a configuration value from the statement text: a bound parameter is refused.
      raw.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('hashsize', ${Math.floor(size)})`);
    }
  };
  set(bytes);
  try {
    return await fn();
  } finally {
    set(FTS5_DEFAULT_HASHSIZE);
  }
}

/** The settlement columns the credit-figure trigger reads. */
export interface SettlementFigures {
  customer_id: string;
  amount: number;
  paid: number;
  due_date: string;
  status: string;
}

/**
 * The insert trigger that keeps the credit figures (customer_balances, customer_dues; migration
 * 0008) swapped, for a bulk load, for sums kept while the rows are generated and written once per
 * batch: per-row upserts cost a demo load about 8 %, and re-reading the batch's settlements to group
 * them cost ~4 s of a million orders. Use inside the batch's transaction: drop, insert (add each
 * settlement), flush, restore. `add` applies the trigger's own rule: an open settlement adds its
 * unpaid part to the balance; every settlement but a void one adds to its due date's figures.
 * Null when the trigger is not there.
 */
export function deferSettlementFigures(raw: Database.Database) {
  const trigger = raw
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'settlements_figures_ai'`)
    .get() as { sql: string } | undefined;
  if (!trigger) return null;
  const balance = raw.prepare(
    `INSERT INTO customer_balances (customer_id, unpaid) VALUES (?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET unpaid = unpaid + excluded.unpaid`,
  );
  const dueDate = raw.prepare(
    `INSERT INTO customer_dues (customer_id, due_date, due, paid) VALUES (?, ?, ?, ?)
     ON CONFLICT (customer_id, due_date) DO UPDATE SET due = due + excluded.due, paid = paid + excluded.paid`,
  );
  const unpaid = new Map<string, number>();
  const dues = new Map<string, { customerId: string; dueDate: string; due: number; paid: number }>();
  return {
    drop: () => raw.exec('DROP TRIGGER settlements_figures_ai'),
    add(s: SettlementFigures) {
      if (s.status === 'open') unpaid.set(s.customer_id, (unpaid.get(s.customer_id) ?? 0) + s.amount - s.paid);
      if (s.status === 'void') return;
      const key = `${s.customer_id}|${s.due_date}`;
      const d = dues.get(key);
      if (d) {
        d.due += s.amount;
        d.paid += s.paid;
      } else {
        dues.set(key, { customerId: s.customer_id, dueDate: s.due_date, due: s.amount, paid: s.paid });
      }
    },
    flush() {
      for (const [customerId, n] of unpaid) balance.run(customerId, n);
      for (const d of dues.values()) dueDate.run(d.customerId, d.dueDate, d.due, d.paid);
      unpaid.clear();
      dues.clear();
    },
    restore: () => raw.exec(trigger.sql),
  };
}
