import { contract, type HandlerName } from '../../shared/contract';
import type { HandlerDef } from '../../shared/contract/define';
import { DeskError, isDeskError, type DeskErrorPayload } from '../../shared/errors';
import { translate } from '../../shared/i18n/messages';
import type { Locale } from '../../shared/i18n/translate';
import { randomSeed, seededIds, uuidv7 } from '../../shared/ids';
import type { MutationOutcome, MutatorEnv } from '../../shared/mutators/env';
import { mayCall } from '../../shared/roles';
import { parseOrThrow } from '../../shared/validation';
import type { Session } from '../auth/sessions';
import type { Desk } from '../desk/desk';
import { journalFor } from './journal';
import type { HandlerContext, Implementations, MutationImpl, QueryImpl } from './types';

export interface DispatchRequest {
  name: string;
  input: unknown;
  sessionId?: string | null;
  locale?: Locale;
}

export type DispatchResponse = { ok: true; result: unknown } | { ok: false; status: number; error: DeskErrorPayload };

const MAX_AUDIT_JSON = 20_000;

/**
 * The one door every request walks through: find the handler, validate the input, check the
 * session's role, then run a query, or a mutation in one transaction with its audit rows and its
 * outbox row, and announce which tables changed.
 */
export class Dispatcher {
  constructor(
    private desk: Desk,
    private impls: Implementations,
  ) {}

  async dispatch(req: DispatchRequest): Promise<DispatchResponse> {
    const locale: Locale = req.locale ?? 'zh-CN';
    try {
      const result = await this.run(req);
      return { ok: true, result };
    } catch (e) {
      return { ok: false, ...toPayload(e, locale) };
    }
  }

  /** Same as dispatch but throws DeskError: for in-process callers (demo data, tests, bench). */
  async run(req: DispatchRequest): Promise<unknown> {
    const def = (contract as Record<string, HandlerDef>)[req.name];
    if (!def) throw new DeskError('handler.unknown', { name: req.name }, { status: 404 });
    const session = this.resolveSession(def, req.sessionId ?? null);
    if (!mayCall(def.access, session?.role ?? null)) {
      if (!session) throw new DeskError('auth.required');
      throw new DeskError('auth.forbidden', {
        role: session.role,
        allowed: Array.isArray(def.access) ? def.access.join(', ') : String(def.access),
      });
    }
    const input = parseOrThrow(def.input, req.input ?? {});
    const ctx: HandlerContext = { desk: this.desk, session };
    const impl = this.impls[req.name as HandlerName];
    if (def.kind === 'query') return (impl as QueryImpl<HandlerName>)(ctx, input as never);
    return this.mutate(def, impl as MutationImpl<HandlerName, unknown, unknown>, ctx, input);
  }

  private resolveSession(def: HandlerDef, sessionId: string | null): Session | null {
    if (!sessionId) return null;
    const found = this.desk.sessions.touch(sessionId);
    if (found.ok) return found.session;
    // Public handlers (sign-in) still work with a stale session id; others must say why they refuse.
    if (def.access === 'public') return null;
    throw new DeskError(found.reason === 'expired' ? 'auth.sessionExpired' : 'auth.required');
  }

  private async mutate(
    def: HandlerDef,
    impl: MutationImpl<HandlerName, unknown, unknown>,
    ctx: HandlerContext,
    input: unknown,
  ): Promise<unknown> {
    const args = impl.prepare ? await impl.prepare(ctx, input as never) : input;
    const nowMs = Date.now();
    const seed = randomSeed();
    const session = ctx.session;
    const env: MutatorEnv = {
      now: new Date(nowMs).toISOString(),
      seed,
      ids: seededIds(seed, nowMs),
      userId: session?.id ?? null,
      username: session?.username ?? null,
      role: session?.role ?? null,
      approvalLimit: session?.approvalLimit ?? null,
      deskCode: this.desk.identity.deskCode,
    };
    const store = this.desk.store;
    const outcome: MutationOutcome<unknown> = await store.db.transaction().execute(async (tx) => {
      const out = await impl.mutate(tx, args, env);
      const journal = journalFor(store.raw);
      for (const a of out.audit) {
        journal.audit({
          id: uuidv7(nowMs),
          at: env.now,
          userId: env.userId,
          username: env.username,
          handler: def.name,
          entity: a.entity,
          entityId: a.entityId,
          summary: a.summary ?? null,
          before: a.before ? clip(JSON.stringify(a.before)) : null,
          after: a.after ? clip(JSON.stringify(a.after)) : null,
          code: a.code,
          params: a.params ? JSON.stringify(a.params) : null,
        });
      }
      if (def.sync !== false && !out.refuseAfterCommit) {
        const { ids: _ids, ...replayEnv } = env;
        journal.outbox(def.name, JSON.stringify({ input: args, env: replayEnv }), env.now);
      }
      return out;
    });
    const tables = new Set<string>([...def.tables, ...(outcome.tables ?? [])]);
    if (def.sync !== false) tables.add('outbox');
    this.desk.afterWrite([...tables]);
    if (outcome.refuseAfterCommit) throw outcome.refuseAfterCommit;
    return impl.finish ? impl.finish(ctx, outcome.result) : outcome.result;
  }
}

function clip(json: string): string {
  return json.length > MAX_AUDIT_JSON ? JSON.stringify({ truncated: json.slice(0, MAX_AUDIT_JSON) }) : json;
}

export function toPayload(e: unknown, locale: Locale): { status: number; error: DeskErrorPayload } {
  if (isDeskError(e)) {
    const params = e.code === 'validation.failed' ? { count: e.fields.length, ...e.params } : e.params;
    return {
      status: e.status,
      error: {
        code: e.code,
        message: translate(locale, e.code, params),
        params,
        fields: e.fields.map((f) => Object.assign({}, f, { message: translate(locale, f.code, f.params) })),
      },
    };
  }
  const ref = uuidv7().slice(-8);
  console.error(`[dispatch ${ref}]`, e);
  return { status: 500, error: { code: 'internal', message: translate(locale, 'internal', { ref }), params: { ref } } };
}
