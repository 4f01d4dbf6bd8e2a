// Build better-sqlite3 for Electron's ABI into build/native/electron/ (needs internet for Electron's
// headers). Tests and browser mode keep using the Node build in node_modules: no rebuilding back and forth.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const electronVersion = require('electron/package.json').version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bsq-electron-'));
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const r = spawnSync(
  'npx',
  ['node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
  { cwd: work, stdio: 'inherit' },
);
if (r.status !== 0) {
  console.error('Could not build better-sqlite3 for Electron (Electron headers need internet access).');
  process.exit(1);
}
const target = path.join(root, 'build/native/electron');
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), path.join(target, 'better_sqlite3.node'));
console.log(`better-sqlite3 for Electron ${electronVersion}: ${path.join(target, 'better_sqlite3.node')}`);
