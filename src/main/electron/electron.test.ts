import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The Electron runtime cannot run here: these tests mock 'electron' and check what our code asks of it. */
const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
const appListeners = new Map<string, (...args: unknown[]) => void>();
const windows: { options: Record<string, unknown> }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    options: Record<string, unknown>;
    webContents = { id: 7, send: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    app: {
      on: (name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn),
      whenReady: () => Promise.resolve(),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    BrowserWindow,
  };
});

import { bindIpc } from './ipc';
import { hardenApp, isAppUrl } from './security';
import { createMainWindow } from './window';
import type { Desk } from '../desk/desk';

const dispatch = vi.fn(async (req: unknown) => ({ ok: true, result: req }));
const fakeDesk = { dispatch, events: { on: () => () => undefined } } as unknown as Desk;

beforeEach(() => {
  handlers.clear();
  dispatch.mockClear();
});
afterEach(() => vi.clearAllMocks());

describe('desktop window and IPC', () => {
  it('opens the window with context isolation, the sandbox, no Node, and the single-file preload', () => {
    createMainWindow('/app/out/preload');
    const prefs = windows.at(-1)!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('passes requests from our own page to the dispatcher and refuses any other sender', async () => {
    const win = { webContents: { id: 7, send: vi.fn() } };
    bindIpc(fakeDesk, () => win as never);
    const invoke = handlers.get('desk:invoke')!;
    const ours = { sender: { id: 7 }, senderFrame: { url: 'app://desk/index.html' } };
    const payload = { name: 'auth.status', input: {}, sessionId: null, locale: 'en' };
    await invoke(ours, payload);
    expect(dispatch).toHaveBeenCalledWith(payload);

    const foreignFrame = { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } };
    expect(await invoke(foreignFrame, payload)).toMatchObject({ ok: false, status: 403 });
    const otherWindow = { sender: { id: 9 }, senderFrame: { url: 'app://desk/index.html' } };
    expect(await invoke(otherWindow, payload)).toMatchObject({ ok: false, status: 403 });
    expect(await invoke(ours, { name: 42 })).toMatchObject({ ok: false, status: 400 });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('denies new windows and navigation away from the app', () => {
    hardenApp();
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
    appListeners.get('web-contents-created')!({}, contents);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => { action: string };
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const navigate = contents.on.mock.calls.find((c) => c[0] === 'will-navigate')![1] as (e: { preventDefault: () => void }, url: string) => void;
    const prevent = vi.fn();
    navigate({ preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalled();
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desktop.evil/')).toBe(false);
  });
});
