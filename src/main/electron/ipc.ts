import { ipcMain, type BrowserWindow } from 'electron';
import { z } from '../../shared/zod';
import type { Desk } from '../desk/desk';
import { isAppUrl } from './security';

const request = z.object({
  name: z.string().min(1).max(100),
  input: z.unknown(),
  sessionId: z.string().max(200).nullable(),
  locale: z.enum(['zh-CN', 'en']).catch('zh-CN'),
});

export interface IpcBinding {
  /** The session the window's page last used: the native menu acts as that user. */
  currentSession(): string | null;
  dispose(): void;
}

/** One channel into the dispatcher; the sender must be our own page in our own window. */
export function bindIpc(desk: Desk, getWindow: () => BrowserWindow | null): IpcBinding {
  let lastSession: string | null = null;
  ipcMain.handle('desk:invoke', async (event, payload: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    const win = getWindow();
    if (!win || event.sender.id !== win.webContents.id || !isAppUrl(frameUrl)) {
      return { ok: false, status: 403, error: { code: 'transport.host', message: 'Refused: unknown sender' } };
    }
    const parsed = request.safeParse(payload);
    if (!parsed.success) return { ok: false, status: 400, error: { code: 'transport.badJson', message: 'Bad request' } };
    lastSession = parsed.data.sessionId;
    return desk.dispatch(parsed.data);
  });
  const off = desk.events.on((e) => getWindow()?.webContents.send('desk:event', e));
  return {
    currentSession: () => lastSession,
    dispose() {
      ipcMain.removeHandler('desk:invoke');
      off();
    },
  };
}
