import fs from 'node:fs';
import path from 'node:path';
import { readSettings } from '../../shared/mutators/settings';
import type { Settings } from '../../shared/settings';
import { SessionStore } from '../auth/sessions';
import { Dispatcher, type DispatchRequest, type DispatchResponse } from '../dispatcher/dispatcher';
import type { Implementations } from '../dispatcher/types';
import { openStore, type OpenOptions, type Store } from '../store/open';
import { DeskEvents } from './events';
import { ensureIdentity, type DeskIdentity } from './identity';

export interface DeskOptions extends OpenOptions {
  dataDir: string;
  version?: string;
}

const IDLE_CHECKPOINT_MS = 2_000;

/**
 * The running desk: its store, sessions, events and the dispatcher. Both transports (IPC and
 * loopback HTTP) hold one of these and nothing else.
 */
export class Desk {
  readonly events = new DeskEvents();
  readonly sessions: SessionStore;
  readonly version: string;
  identity!: DeskIdentity;
  store!: Store;
  private dispatcher!: Dispatcher;
  private settingsCache: Settings | null = null;
  private checkpointTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly options: DeskOptions,
    private impls: Implementations,
  ) {
    this.version = options.version ?? '0.1.0';
    this.sessions = new SessionStore(() => this.settingsCache?.idleTimeoutMinutes ?? 30);
  }

  static async open(options: DeskOptions, impls: Implementations): Promise<Desk> {
    const desk = new Desk(options, impls);
    await desk.attach();
    return desk;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  private async attach(): Promise<void> {
    this.store = openStore(this.options.dataDir, this.options);
    this.identity = ensureIdentity(this.store.raw);
    this.dispatcher = new Dispatcher(this, this.impls);
    this.settingsCache = await readSettings(this.store.db);
    if (this.settingsCache.durability === 'normal' && this.options.durability !== 'full') {
      this.store.raw.pragma('synchronous = NORMAL');
    }
  }

  dispatch(req: DispatchRequest): Promise<DispatchResponse> {
    return this.dispatcher.dispatch(req);
  }

  /** In-process call that throws DeskError on refusal (demo data, tests, benchmarks). */
  call<T = unknown>(name: string, input: unknown, sessionId?: string | null): Promise<T> {
    return this.dispatcher.run({ name, input, sessionId }) as Promise<T>;
  }

  async settings(): Promise<Settings> {
    this.settingsCache ??= await readSettings(this.store.db);
    return this.settingsCache;
  }

  /** Called by the dispatcher after every commit. */
  afterWrite(tables: string[]): void {
    if (tables.includes('settings')) this.settingsCache = null;
    this.events.emit({ type: 'changed', tables });
    this.scheduleCheckpoint();
  }

  private scheduleCheckpoint(): void {
    // Every write pushes the idle checkpoint back: restart the pending timer rather than make a new one.
    if (this.checkpointTimer) {
      this.checkpointTimer.refresh();
      return;
    }
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      try {
        this.store.checkpoint();
      } catch {
        // A busy reader only delays the checkpoint; the next idle moment retries.
      }
    }, IDLE_CHECKPOINT_MS);
    this.checkpointTimer.unref();
  }

  backupDir(): string {
    return path.join(this.options.dataDir, 'backups');
  }

  /** Replace the store file with a verified backup and reopen; the caller has checked the file. */
  async replaceStore(sourceFile: string): Promise<void> {
    await this.close();
    const target = this.store.file;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.copyFileSync(sourceFile, target);
    await this.attach();
    this.events.emit({ type: 'changed', tables: ['*'] });
  }

  async close(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    await this.store.close();
  }
}
