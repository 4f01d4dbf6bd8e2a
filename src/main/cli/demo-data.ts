import { Desk } from '../desk/desk';
import { argValue, resolveDataDir } from '../desk/paths';
import { implementations } from '../handlers';

/** npm run demo-data -- --data DIR --password PW [--orders N] */
async function main() {
  const argv = process.argv.slice(2);
  const password = argValue(argv, '--password');
  if (!password) {
    console.error('Usage: npm run demo-data -- --data DIR --password PW [--orders N]');
    process.exit(2);
  }
  const orders = Number(argValue(argv, '--orders') ?? 0);
  const dataDir = resolveDataDir(argv);
  const desk = await Desk.open({ dataDir }, implementations);
  try {
    const status = await desk.call<{ setupRequired: boolean }>('auth.status', {});
    const session = status.setupRequired
      ? await desk.call<{ sessionId: string }>('auth.setup', { password })
      : await desk.call<{ sessionId: string }>('auth.login', { username: 'admin', password });
    const started = Date.now();
    const result = await desk.call('demo.load', { password, orders }, session.sessionId);
    console.log(JSON.stringify({ dataDir, ...(result as object), seconds: (Date.now() - started) / 1000 }));
  } finally {
    await desk.close();
  }
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
