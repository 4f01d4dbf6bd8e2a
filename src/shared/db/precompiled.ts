/**
 * Precompiled queries: a Kysely query whose shape never changes is built and compiled once per
 * dialect, and each call only binds its arguments. Building a query tree and compiling it costs
 * tens of microseconds — more than SQLite needs to run a primary-key lookup — and the hot
 * mutations (order submit, draft save, master saves) run dozens of such statements.
 *
 * Still portable: the SQL comes from the executing connection's own compiler, so the hub compiles
 * the same template for PostgreSQL. Only for queries whose SQL does not depend on the values: an
 * optional filter or a column set chosen at run time must be built the normal way. An array
 * argument (`where('id', 'in', arg('ids'))`) is fine: one form is compiled per list length.
 *
 * A constant LIMIT or OFFSET (`.limit(1)`) is written into the SQL, not bound: on the SQLite we ship
 * (3.53) a statement with a bound LIMIT behaves as if prepared again on every run (same bytecode,
 * same plan, yet the cost grows with the statement's size: +2.5 µs for a key lookup, +20 µs for
 * the duplicate check's recent-orders query, which took ~100 µs of each submit at 1M orders and
 * ~35 µs with the literal). A LIMIT given as an argument (`arg('n')`) stays a parameter.
 *
 *   const orderById = precompiled<{ id: string }>()((db, arg) =>
 *     db.selectFrom('orders').selectAll().where('id', '=', arg('id')));
 *   const row = await orderById.first(tx, { id });
 */
import { LimitNode, OffsetNode, SelectQueryNode, ValueNode, createQueryId } from 'kysely';
import type { CompiledQuery, Compilable, InferResult, Insertable, Kysely, OperationNode, OperationNodeSource, RootOperationNode, Transaction, Updateable } from 'kysely';
import type { DB } from './schema';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Stands where an argument goes; compiled into the parameter list, swapped for the value per call.
 * An array argument (for `in`) becomes one slot per element, so its length is part of the shape.
 */
class Slot {
  constructor(
    readonly name: string,
    readonly index: number | null = null,
  ) {}
}

type Row<Q extends Compilable<unknown>> = InferResult<Q> extends (infer R)[] ? R : never;

export interface Precompiled<A, Q extends Compilable<unknown>> {
  /** All rows (select, or insert/update/delete … returning). */
  rows(db: Db, args: A): Promise<Row<Q>[]>;
  /** The first row, or undefined. */
  first(db: Db, args: A): Promise<Row<Q> | undefined>;
  /** Rows written by an insert, update or delete. */
  affected(db: Db, args: A): Promise<number>;
}

/**
 * Declare the argument types first, then the query:
 * `precompiled<{ id: string }>()((db, arg) => db.selectFrom('orders')…where('id', '=', arg('id')))`.
 */
export function precompiled<A extends object>() {
  return <Q extends Compilable<unknown>>(build: (db: Db, arg: <K extends keyof A & string>(name: K) => A[K]) => Q): Precompiled<A, Q> => {
    type Entry = { compiled: CompiledQuery; slots: (Slot | null)[]; fixed: unknown[] };
    // One compiled form per dialect adapter (the desk's SQLite, the hub's PostgreSQL) and list lengths.
    const byAdapter = new WeakMap<object, Map<string, Entry>>();
    const compile = (db: Db, args: Record<string, unknown>): Entry => {
      const adapter = db.getExecutor().adapter;
      let forms = byAdapter.get(adapter);
      if (!forms) byAdapter.set(adapter, (forms = new Map()));
      let shape = '';
      for (const k in args) if (Array.isArray(args[k])) shape += `${k}:${(args[k] as unknown[]).length};`;
      let entry = forms.get(shape);
      if (!entry) {
        const arg = (name: string) => {
          const v = args[name];
          return (Array.isArray(v) ? v.map((_, i) => new Slot(name, i)) : new Slot(name)) as never;
        };
        const compiled = compileWithFixedLimits(db, build(db, arg));
        const slots = compiled.parameters.map((p) => (p instanceof Slot ? p : null));
        entry = { compiled, slots, fixed: [...compiled.parameters] };
        forms.set(shape, entry);
      }
      return entry;
    };
    const execute = async (db: Db, input: A): Promise<{ rows: Row<Q>[]; numAffectedRows?: bigint }> => {
      const args = input as Record<string, unknown>;
      const { compiled, slots, fixed } = compile(db, args);
      const parameters = slots.map((slot, i) => {
        if (slot === null) return fixed[i];
        const value = slot.index === null ? args[slot.name] : (args[slot.name] as unknown[])[slot.index];
        if (value === undefined) throw new TypeError(`precompiled query: argument "${slot.name}" is missing`);
        return value;
      });
      const direct = db.isTransaction ? directRunners.get(db.getExecutor().adapter) : undefined;
      if (direct) return direct(compiled.sql, parameters) as { rows: Row<Q>[]; numAffectedRows?: bigint };
      return db.executeQuery<Row<Q>>(Object.assign({}, compiled, { parameters }) as CompiledQuery<Row<Q>>);
    };
    return {
      rows: async (db, args) => (await execute(db, args)).rows,
      first: async (db, args) => (await execute(db, args)).rows[0],
      affected: async (db, args) => {
        const r = await execute(db, args);
        return Number(r.numAffectedRows ?? 0n);
      },
    };
  };
}

/** A whole-number value fixed when the query was built (not an argument's slot). */
function fixedCount(node: OperationNode | undefined): number | null {
  if (!node || !ValueNode.is(node)) return null;
  return typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0 ? node.value : null;
}

/** Compile with a fixed LIMIT / OFFSET written into the SQL instead of bound (see the module note). */
function compileWithFixedLimits(db: Db, query: Compilable<unknown>): CompiledQuery {
  const source = query as Compilable<unknown> & Partial<OperationNodeSource>;
  if (typeof source.toOperationNode !== 'function') return query.compile();
  let node = source.toOperationNode() as RootOperationNode;
  if (SelectQueryNode.is(node)) {
    const limit = fixedCount(node.limit?.limit);
    const offset = fixedCount(node.offset?.offset);
    if (limit !== null) node = SelectQueryNode.cloneWithLimit(node, LimitNode.create(ValueNode.createImmediate(limit)));
    if (offset !== null) node = SelectQueryNode.cloneWithOffset(node, OffsetNode.create(ValueNode.createImmediate(offset)));
  }
  // What the builder's own compile() does with the node, once instead of building it twice.
  return db.getExecutor().compileQuery(node, createQueryId());
}

/** Runs compiled SQL straight on the connection a transaction holds (see registerDirectRunner). */
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => { rows: unknown[]; numAffectedRows?: bigint };
const directRunners = new WeakMap<object, DirectRunner>();

/**
 * For a synchronous driver with one connection (the desk's better-sqlite3): inside a transaction,
 * precompiled statements run on that connection directly instead of through Kysely's asynchronous
 * executor, which costs 3–7 µs per statement — a submit runs about thirty. Only inside a
 * transaction: the transaction already holds the connection, so nothing else can interleave.
 * Registered per dialect adapter by whoever creates the Kysely instance; without it (the hub's
 * PostgreSQL) everything goes through Kysely as before.
 */
export function registerDirectRunner(db: Kysely<DB>, run: DirectRunner): void {
  directRunners.set(db.getExecutor().adapter, run);
}

const inserts = new Map<string, Precompiled<Record<string, unknown>, Compilable<unknown>>>();

/**
 * Insert one row through a precompiled insert of exactly the columns the row names (one per table
 * and column set, made on first use). A multi-row insert changes its SQL with the row count:
 * insert rows one by one instead, which costs SQLite nothing extra inside a transaction.
 */
export async function insertRow<T extends keyof DB & string>(db: Db, table: T, row: Insertable<DB[T]>): Promise<void> {
  const values = row as Record<string, unknown>;
  // As in Kysely's own insert, an undefined value means the column is not named at all.
  const columns = Object.keys(values).filter((c) => values[c] !== undefined);
  const key = `${table}(${columns.join(',')})`;
  let insert = inserts.get(key);
  if (!insert) {
    insert = precompiled<Record<string, unknown>>()((d, arg) => d.insertInto(table).values(Object.fromEntries(columns.map((c) => [c, arg(c)])) as never));
    inserts.set(key, insert);
  }
  await insert.affected(db, values);
}

const updates = new Map<string, Precompiled<Record<string, unknown>, Compilable<unknown>>>();

/**
 * `UPDATE table SET <set> WHERE <each key of where> = value`, precompiled per table and column
 * sets; returns the rows written. For the usual "write these changed columns of this row, if its
 * version is still the one read" update whose column set varies a little from call to call.
 */
export async function updateRow<T extends keyof DB & string>(
  db: Db,
  table: T,
  set: Updateable<DB[T]>,
  where: Partial<Record<keyof DB[T] & string, string | number>>,
): Promise<number> {
  const values = set as Record<string, unknown>;
  const columns = Object.keys(values).filter((c) => values[c] !== undefined);
  const keys = Object.keys(where);
  const key = `${table}(${columns.join(',')}|${keys.join(',')})`;
  let update = updates.get(key);
  if (!update) {
    update = precompiled<Record<string, unknown>>()((d, arg) => {
      // The table is generic here: Kysely's per-table overloads cannot be resolved, so go untyped.
      const base = (d as unknown as Kysely<{ t: Record<string, unknown> }>).updateTable(table as 't');
      let q = base.set(Object.fromEntries(columns.map((c) => [c, arg(`s.${c}`)])));
      for (const k of keys) q = q.where(k, '=', arg(`w.${k}`));
      return q;
    });
    updates.set(key, update);
  }
  const args: Record<string, unknown> = {};
  for (const c of columns) args[`s.${c}`] = values[c];
  for (const k of keys) args[`w.${k}`] = (where as Record<string, unknown>)[k];
  return update.affected(db, args);
}
