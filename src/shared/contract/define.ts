import type { z } from 'zod';
import type { Access } from '../roles';
import type { TableName } from '../db/schema';

export type HandlerKind = 'query' | 'mutation';

export interface HandlerDef<
  N extends string = string,
  I extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  name: N;
  kind: HandlerKind;
  summary: string;
  input: I;
  result: R;
  access: Access;
  /** Query: tables it reads (screens refetch when one changes). Mutation: tables it writes. */
  tables: readonly TableName[];
  /** Mutations only: false for local-only mutations that the hub never sees (e.g. UI preferences). */
  sync?: boolean;
}

export type QueryDef<N extends string, I extends z.ZodType, R extends z.ZodType> = HandlerDef<N, I, R> & {
  kind: 'query';
};
export type MutationDef<N extends string, I extends z.ZodType, R extends z.ZodType> = HandlerDef<N, I, R> & {
  kind: 'mutation';
};

export function query<N extends string, I extends z.ZodType, R extends z.ZodType>(
  def: Omit<HandlerDef<N, I, R>, 'kind' | 'sync'>,
): QueryDef<N, I, R> {
  return Object.assign({}, def, { kind: 'query' as const });
}

export function mutation<N extends string, I extends z.ZodType, R extends z.ZodType>(
  def: Omit<HandlerDef<N, I, R>, 'kind'>,
): MutationDef<N, I, R> {
  return Object.assign({ sync: true }, def, { kind: 'mutation' as const });
}

type ByName<T extends readonly HandlerDef[]> = { [D in T[number] as D['name']]: D };

/** Combine handler groups into one map; two handlers with one name is a programming error. */
export function combine<T extends readonly HandlerDef[]>(...defs: T): ByName<T> {
  const map: Record<string, HandlerDef> = {};
  for (const def of defs) {
    if (map[def.name]) throw new Error(`Duplicate handler name: ${def.name}`);
    map[def.name] = def;
  }
  return map as ByName<T>;
}
