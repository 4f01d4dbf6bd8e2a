import { isDeskError } from '../../shared/errors';
import { translate } from '../../shared/i18n/messages';
import { Desk } from '../desk/desk';
import { argValue, resolveDataDir } from '../desk/paths';
import { DEMO_JOB } from '../demo/load';
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
  if (!Number.isInteger(orders) || orders < 0 || orders > 1_000_000) {
    console.error('--orders takes a whole number from 0 to 1000000');
    process.exit(2);
  }
  const dataDir = resolveDataDir(argv);
  const desk = await Desk.open({ dataDir }, implementations);
  const started = Date.now();
  let lastLine = 0;
  let loadStarted = started;
  desk.events.on((e) => {
    if (e.type !== 'progress' || e.jobId !== DEMO_JOB) return;
    const now = Date.now();
    if (e.label === 'masters') loadStarted = now;
    if (e.label === 'orders' && now - lastLine < 1000 && e.done < e.total) return;
    lastLine = now;
    const seconds = (now - loadStarted) / 1000;
    const rate = e.label === 'orders' && seconds > 0 ? `, ${Math.round(e.done / seconds).toLocaleString('en-US')} orders/s` : '';
    process.stderr.write(
      e.label === 'masters'
        ? 'demo data: customers, products, stock, users…\n'
        : e.label === 'orders'
          ? `demo data: ${e.done.toLocaleString('en-US')} / ${e.total.toLocaleString('en-US')} orders (${seconds.toFixed(1)} s${rate})\n`
          : e.label === 'indexes'
            ? 'demo data: building indexes…\n'
            : `demo data: done in ${seconds.toFixed(1)} s\n`,
    );
  });
  try {
    const status = await desk.call<{ setupRequired: boolean }>('auth.status', {});
    const session = status.setupRequired
      ? await desk.call<{ sessionId: string }>('auth.setup', { password })
      : await desk.call<{ sessionId: string }>('auth.login', { username: 'admin', password });
    const result = await desk.call('demo.load', { password, orders }, session.sessionId);
    console.log(JSON.stringify(Object.assign({ dataDir }, result as object, { seconds: (Date.now() - started) / 1000 })));
  } finally {
    await desk.close();
  }
}

void main().catch((e) => {
  if (isDeskError(e)) {
    const locale = /^en/i.test(process.env.LANG ?? '') ? 'en' : 'zh-CN';
    const fields = e.fields.map((f) => `\n  ${f.path}: ${translate(locale, f.code, f.params)}`).join('');
    console.error(`${translate(locale, e.code, e.params)} (${e.code})${fields}`);
    if (e.code === 'demo.notEmpty') console.error('Demo data loads only into an empty desk: choose a new --data folder.');
  } else {
    console.error(e instanceof Error ? e.message : String(e));
  }
  process.exit(1);
});
