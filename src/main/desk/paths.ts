import os from 'node:os';
import path from 'node:path';

/** --data DIR, else ORDER_DESK_DATA, else the per-user application data folder. */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--data');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]);
  if (env.ORDER_DESK_DATA) return path.resolve(env.ORDER_DESK_DATA);
  return defaultDataDir(env);
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Order Desk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Order Desk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Order Desk');
}

export function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}
