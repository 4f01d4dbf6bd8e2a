/**
 * Autosave of the draft: after each committed field the whole document goes to orders.saveDraft,
 * debounced, one request at a time, the newest document last. A failed save keeps the document and
 * tries again; nothing on screen is ever replaced by what the desk answers except the figures it
 * computes (number, row version, prices, issues).
 */
import type { OrderDraftInput } from '@shared/orders/schema';
import { api, ApiError, type Result } from '../../../api/client';
import type { Built } from './model';

export type SaveResult = Result<'orders.saveDraft'>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline'; message: string }
  | { kind: 'refused'; error: ApiError; keys: string[] }
  | { kind: 'conflict'; error: ApiError };

export interface SaverHooks {
  /** The document as it is on screen now (null: nothing to save yet, no customer). */
  build(): Built<OrderDraftInput> | null;
  id(): string;
  rowVersion(): number | undefined;
  /** The desk took the document. */
  saved(result: SaveResult, keys: string[]): void;
  state(state: SaveState): void;
}

const RETRY_MS = 2000;

export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /** A commit arrived that is not sent yet. */
  private dirty = false;
  /** The document the desk holds (as sent). */
  private lastSent = '';
  private lastSavedAt: string | null = null;
  /** The document of the request in flight. */
  private sending = '';
  private failed = false;
  private force = false;
  private stopped = false;

  constructor(
    private readonly hooks: SaverHooks,
    private readonly delayMs = 300,
  ) {}

  /** A field was committed: save shortly (several commits in a row make one save). */
  schedule(delay = this.delayMs): void {
    if (this.stopped) return;
    // Nothing to save (no customer yet), or nothing changed since the last save: stay as we are.
    const signature = this.signature();
    if (!signature || ((signature === this.lastSent || signature === this.sending) && !this.timer && !this.failed)) return;
    this.dirty = true;
    this.hooks.state({ kind: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Save now if anything is unsaved, and resolve when the desk holds the latest document. */
  async flush(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.dirty = true;
    }
    while (this.running) await this.running;
    if (!this.dirty && this.hooks.build() && this.lastSent === this.signature()) return true;
    this.dirty = false;
    this.running = this.send().finally(() => {
      this.running = null;
    });
    await this.running;
    // Commits that arrived during the request are sent too.
    if (this.dirty && !this.timer) return this.flush();
    return !this.failed;
  }

  /** The screen is (back) on display: commits are saved again. */
  start(): void {
    this.stopped = false;
  }

  /** The order is done (submitted) or the screen goes away: no more timers. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next save replaces a copy changed elsewhere (the clerk said so). */
  overwrite(): Promise<boolean> {
    this.force = true;
    this.lastSent = '';
    this.dirty = true;
    return this.flush();
  }

  /** Another order is on the screen now (a new one, a draft loaded from the desk). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastSent = '';
    this.lastSavedAt = null;
    this.sending = '';
    this.dirty = false;
    this.failed = false;
    this.stopped = false;
  }

  private signature(): string {
    const built = this.hooks.build();
    return built ? JSON.stringify(built.input) : '';
  }

  private async send(): Promise<void> {
    const built = this.hooks.build();
    this.failed = false;
    if (!built) {
      this.hooks.state({ kind: 'idle' });
      return;
    }
    const body = JSON.stringify(built.input);
    if (body === this.lastSent) {
      this.hooks.state({ kind: 'saved', at: this.lastSavedAt ?? new Date().toISOString() });
      return;
    }
    this.hooks.state({ kind: 'saving' });
    this.sending = body;
    try {
      const result = await this.save(built);
      this.lastSent = body;
      this.lastSavedAt = new Date().toISOString();
      this.hooks.saved(result, built.keys);
      this.hooks.state({ kind: 'saved', at: this.lastSavedAt });
    } catch (e) {
      this.failed = true;
      const error = e instanceof ApiError ? e : new ApiError(500, { code: 'internal', message: String(e) });
      if (error.code === 'validation.failed') {
        this.hooks.state({ kind: 'refused', error, keys: built.keys });
      } else if (error.code === 'order.notDraft' || error.code === 'conflict.stale') {
        this.hooks.state({ kind: 'conflict', error });
      } else {
        // The desk is not answering (restarting, busy): keep the document and try again.
        this.hooks.state({ kind: 'offline', message: error.message });
        this.dirty = true;
        if (!this.stopped && !this.timer) {
          this.timer = setTimeout(() => {
            this.timer = null;
            void this.flush();
          }, RETRY_MS);
        }
      }
    } finally {
      this.sending = '';
    }
  }

  private async save(built: Built<OrderDraftInput>): Promise<SaveResult> {
    const id = this.hooks.id();
    const force = this.force;
    this.force = false;
    try {
      return await api.invoke('orders.saveDraft', { ...built.input, id, rowVersion: this.hooks.rowVersion() });
    } catch (e) {
      // A create whose answer was lost (no row version seen yet), or the clerk chose to keep this
      // screen's document over a copy changed elsewhere: take the stored version and save again.
      if (!(e instanceof ApiError) || e.code !== 'conflict.stale') throw e;
      if (this.hooks.rowVersion() !== undefined && !force) throw e;
      const stored = await api.invoke('orders.get', { id });
      if (stored.order.status !== 'draft') throw e;
      return api.invoke('orders.saveDraft', { ...built.input, id, rowVersion: stored.order.rowVersion });
    }
  }
}
