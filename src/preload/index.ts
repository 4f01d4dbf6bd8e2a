import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** The renderer's only door to the main process: invoke a named handler, listen to desk events. */
const INVOKE = 'desk:invoke';
const EVENT = 'desk:event';

contextBridge.exposeInMainWorld('desk', {
  invoke(name: string, input: unknown, sessionId: string | null, locale: string) {
    if (typeof name !== 'string') throw new TypeError('name');
    return ipcRenderer.invoke(INVOKE, { name, input, sessionId, locale });
  },
  on(listener: (event: unknown) => void) {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT, wrapped);
    };
  },
});
