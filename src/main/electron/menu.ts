import { Menu, dialog, type BrowserWindow } from 'electron';
import type { Desk } from '../desk/desk';

/** Native menu: File (backup, restore, quit) and View; screen navigation lives in the renderer. */
export function buildMenu(desk: Desk, getWindow: () => BrowserWindow | null, sessionFor: () => string | null): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: '文件 / File',
      submenu: [
        {
          label: '备份数据… / Back up…',
          click: async () => {
            const win = getWindow();
            const pick = await dialog.showSaveDialog(win!, { defaultPath: 'order-desk-backup.sqlite' });
            if (pick.canceled || !pick.filePath) return;
            const res = await desk.dispatch({ name: 'system.backup', input: { file: pick.filePath }, sessionId: sessionFor() });
            await dialog.showMessageBox(win!, { message: res.ok ? '备份完成 / Backup done' : res.error.message });
          },
        },
        {
          label: '从备份恢复… / Restore…',
          click: async () => {
            const win = getWindow();
            const pick = await dialog.showOpenDialog(win!, { properties: ['openFile'], filters: [{ name: 'SQLite', extensions: ['sqlite'] }] });
            if (pick.canceled || !pick.filePaths[0]) return;
            const res = await desk.dispatch({ name: 'system.restore', input: { file: pick.filePaths[0] }, sessionId: sessionFor() });
            await dialog.showMessageBox(win!, { message: res.ok ? '恢复完成 / Restored' : res.error.message });
          },
        },
        { type: 'separator' },
        { role: 'quit', label: '退出 / Quit' },
      ],
    },
    { label: '视图 / View', submenu: [{ role: 'reload' }, { role: 'togglefullscreen' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
