// npm start: the desktop app; where the Electron runtime cannot be had, browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureBuilt } from './ensure-built.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Path of the Electron binary, fetching it once if needed (quietly, with a time limit). */
function electronBinary() {
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  const binary = () => (fs.existsSync(pathFile) ? path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null);
  let bin = binary();
  if (bin && fs.existsSync(bin)) return bin;
  spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  bin = binary();
  return bin && fs.existsSync(bin) ? bin : null;
}

/** Electron needs a display on Linux. */
function canShowWindow() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** The desktop needs better-sqlite3 built for Electron's ABI (npm run native:electron). */
function hasElectronSqlite() {
  return fs.existsSync(path.join(root, 'build/native/electron/better_sqlite3.node'));
}

ensureDeps();
ensureBuilt();
const bin = process.env.ORDER_DESK_BROWSER ? null : electronBinary();
if (bin && canShowWindow() && hasElectronSqlite()) {
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    !bin
      ? 'The Electron runtime could not be downloaded here: starting browser mode instead — open the address below.'
      : !canShowWindow()
        ? 'No display for the Electron window here: starting browser mode instead — open the address below.'
        : 'No Electron build of the SQLite module (npm run native:electron): starting browser mode instead — open the address below.',
  );
  const port = args.includes('--port') ? [] : ['--port', '5170'];
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...port, ...args], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
