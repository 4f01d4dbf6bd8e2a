// Build with electron-vite when out/ is missing or older than the sources; otherwise do nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outputs = ['out/main/web.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => path.join(root, p));

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) t = Math.max(t, fs.statSync(full).mtimeMs);
  }
  return t;
}

export function ensureBuilt({ quiet = false } = {}) {
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'migrations')),
    newest(path.join(root, 'bench')),
    fs.statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs,
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
  );
  const built = outputs.every((p) => fs.existsSync(p)) ? Math.min(...outputs.map((p) => fs.statSync(p).mtimeMs)) : 0;
  if (built >= sources) return;
  if (!quiet) console.log('Building Order Desk…');
  const r = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, ELECTRON_MAJOR_VER: '45' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuilt();
