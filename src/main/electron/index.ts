import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog } from 'electron';
import { Desk } from '../desk/desk';
import { resolveDataDir } from '../desk/paths';
import { implementations } from '../handlers';
import { isDeskError } from '../../shared/errors';
import { translate } from '../../shared/i18n/messages';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { registerScheme, serveRenderer } from './protocol';
import { hardenApp } from './security';
import { createMainWindow } from './window';

/** better-sqlite3 built for Electron's ABI lives beside the app (see docs/ARCHITECTURE.md, Native module). */
function electronBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(app.getAppPath(), 'build', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

registerScheme();
hardenApp();
let win: BrowserWindow | null = null;

app.whenReady().then(async () => {
  const dataDir = resolveDataDir(process.argv, process.env.ORDER_DESK_DATA ? process.env : Object.assign({}, process.env, { ORDER_DESK_DATA: path.join(app.getPath('userData')) }));
  let desk: Desk;
  try {
    desk = await Desk.open({ dataDir, version: app.getVersion(), nativeBinding: electronBinding() }, implementations);
  } catch (e) {
    const text = isDeskError(e) ? `${translate('zh-CN', e.code, e.params)}\n${translate('en', e.code, e.params)}` : String(e);
    dialog.showErrorBox('Order Desk', text);
    app.exit(2);
    return;
  }
  serveRenderer(path.join(__dirname, '../renderer'));
  const ipc = bindIpc(desk, () => win);
  buildMenu(desk, () => win, ipc.currentSession);
  win = createMainWindow(path.join(__dirname, '../preload'));
  app.on('window-all-closed', async () => {
    await desk.close();
    app.quit();
  });
});
