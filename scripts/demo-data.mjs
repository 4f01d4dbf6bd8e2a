// npm run demo-data -- --data DIR --password PW [--orders N]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureBuilt } from './ensure-built.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
ensureDeps();
ensureBuilt();
const child = spawn(process.execPath, [path.join(root, 'out/main/demo-data.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
