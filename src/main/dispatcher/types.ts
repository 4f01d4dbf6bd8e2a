import type { z } from 'zod';
import type { Contract, HandlerName } from '../../shared/contract';
import type { Mutator } from '../../shared/mutators/env';
import type { Desk } from '../desk/desk';
import type { Session } from '../auth/sessions';

export type InputOf<K extends HandlerName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends HandlerName> = z.output<Contract[K]['result']>;

export interface HandlerContext {
  desk: Desk;
  session: Session | null;
}

export type QueryImpl<K extends HandlerName> = (ctx: HandlerContext, input: InputOf<K>) => Promise<ResultOf<K>>;

/**
 * A mutation: optional prepare (outside the transaction: slow or non-deterministic work such as
 * password hashing), the deterministic mutator (inside it), optional finish (after commit).
 */
export interface MutationImpl<K extends HandlerName, A = InputOf<K>, M = ResultOf<K>> {
  prepare?: (ctx: HandlerContext, input: InputOf<K>) => Promise<A>;
  mutate: Mutator<A, M>;
  finish?: (ctx: HandlerContext, result: M) => Promise<ResultOf<K>> | ResultOf<K>;
}

export type ImplFor<K extends HandlerName> = Contract[K]['kind'] extends 'query'
  ? QueryImpl<K>
  : // eslint-disable-next-line @typescript-eslint/no-explicit-any
    MutationImpl<K, any, any>;

export type Implementations = { [K in HandlerName]: ImplFor<K> };
export type PartialImplementations<K extends HandlerName> = { [P in K]: ImplFor<P> };
