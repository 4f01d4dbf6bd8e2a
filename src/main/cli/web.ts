import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Desk } from '../desk/desk';
import { argValue, resolveDataDir } from '../desk/paths';
import { implementations } from '../handlers';
import { startLoopback } from '../transport/http';
import { isDeskError } from '../../shared/errors';
import { translate } from '../../shared/i18n/messages';

/** Browser mode: the desk served to a browser on 127.0.0.1. */
async function main() {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const port = Number(argValue(argv, '--port') ?? process.env.ORDER_DESK_PORT ?? 0);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '../renderer');
  let desk: Desk;
  try {
    desk = await Desk.open({ dataDir, version: process.env.npm_package_version }, implementations);
  } catch (e) {
    if (isDeskError(e)) {
      console.error(translate('en', e.code, e.params));
      console.error(translate('zh-CN', e.code, e.params));
      process.exit(2);
    }
    throw e;
  }
  const server = await startLoopback({ desk, port, staticDir, token: process.env.ORDER_DESK_TOKEN });
  console.log(`Order Desk (browser mode) data: ${dataDir}`);
  console.log(server.url);
  const stop = async () => {
    await server.close();
    await desk.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
