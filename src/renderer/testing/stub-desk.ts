import { cleanup } from '@testing-library/react';
import { vi } from 'vitest';
import { api } from '../api/client';
import { installKeyboard } from '../app/keyboard';

/**
 * A screen test's desk: every call is answered by `invoke` (keep it a vi.fn to assert the calls),
 * no change events arrive, and the app's keys are installed as the shell installs them. Returns
 * what afterEach runs: keys uninstalled, the screen unmounted, every mock restored.
 */
export function stubDesk(invoke: (name: string, input: never) => Promise<unknown>): () => void {
  vi.spyOn(api, 'invoke').mockImplementation(invoke as unknown as typeof api.invoke);
  vi.spyOn(api, 'subscribe').mockImplementation(() => () => {});
  const uninstall = installKeyboard();
  return () => {
    uninstall();
    cleanup();
    vi.restoreAllMocks();
  };
}
