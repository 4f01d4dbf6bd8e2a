import type { z } from 'zod';
import { contract, type Contract, type HandlerName } from '@shared/contract';
import type { DeskErrorPayload, FieldError } from '@shared/errors';

export type Input<K extends HandlerName> = z.input<Contract[K]['input']>;
export type Result<K extends HandlerName> = z.output<Contract[K]['result']>;

export type DeskEvent =
  | { type: 'changed'; tables: string[] }
  | { type: 'progress'; jobId: string; done: number; total: number; label: string }
  | { type: 'sync'; online: boolean; pending: number };

type Response = { ok: true; result: unknown } | { ok: false; status: number; error: DeskErrorPayload };

interface DeskBridge {
  invoke(name: string, input: unknown, sessionId: string | null, locale: string): Promise<Response>;
  on(listener: (event: DeskEvent) => void): () => void;
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

/** A refusal from the desk: a code, a message in the clerk's language, and field errors. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: (FieldError & { message?: string })[];
  readonly params: Record<string, string | number>;
  constructor(status: number, payload: DeskErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.status = status;
    this.fields = payload.fields ?? [];
    this.params = payload.params ?? {};
  }
}

const TOKEN_KEY = 'order-desk.token';
const SESSION_KEY = 'order-desk.session';

/** The page gets the launch token once from its URL, keeps it for the tab and removes it from the address bar. */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

class DeskClient {
  private token: string | null = null;
  private sessionId: string | null = sessionStorage.getItem(SESSION_KEY);
  locale: 'zh-CN' | 'en' = 'zh-CN';
  private listeners = new Set<(e: DeskEvent) => void>();
  private onSignedOut: (() => void) | null = null;
  private connected = false;

  constructor() {
    if (!window.desk) this.token = takeToken();
  }

  setSession(id: string | null) {
    this.sessionId = id;
    if (id) sessionStorage.setItem(SESSION_KEY, id);
    else sessionStorage.removeItem(SESSION_KEY);
  }

  hasSession(): boolean {
    return this.sessionId !== null;
  }

  /** Called when the desk says the session ended (idle timeout, restart). */
  onSessionLost(cb: () => void) {
    this.onSignedOut = cb;
  }

  async invoke<K extends HandlerName>(name: K, input: Input<K>): Promise<Result<K>> {
    let res: Response;
    if (window.desk) {
      res = await window.desk.invoke(name, input, this.sessionId, this.locale);
    } else {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Desk-Locale': this.locale };
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      if (this.sessionId) headers['X-Desk-Session'] = this.sessionId;
      let http: globalThis.Response;
      try {
        http = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      } catch {
        throw new ApiError(503, { code: 'transport.offline', message: this.locale === 'en' ? 'The desk is not answering' : '本机服务未响应，请稍候重试' });
      }
      res = (await http.json()) as Response;
    }
    if (!res.ok) {
      const err = new ApiError(res.status, res.error);
      if ((err.code === 'auth.sessionExpired' || err.code === 'auth.required') && this.sessionId) {
        this.setSession(null);
        this.onSignedOut?.();
      }
      throw err;
    }
    return res.result as Result<K>;
  }

  /** Desk events (changed tables, progress). One stream per page, shared by all subscribers. */
  subscribe(listener: (e: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    this.connect();
    return () => this.listeners.delete(listener);
  }

  private emit(e: DeskEvent) {
    for (const l of this.listeners) l(e);
  }

  private connect() {
    if (this.connected) return;
    this.connected = true;
    if (window.desk) {
      window.desk.on((e) => this.emit(e));
      return;
    }
    const source = new EventSource(`/api/events?token=${encodeURIComponent(this.token ?? '')}`);
    for (const type of ['changed', 'progress', 'sync'] as const) {
      source.addEventListener(type, (m) => this.emit(JSON.parse((m as MessageEvent).data) as DeskEvent));
    }
  }
}

export const api = new DeskClient();

/** Tables a query reads, from the contract: a screen refetches when one of them changes. */
export function tablesOf(name: HandlerName): readonly string[] {
  return contract[name].tables;
}
