/**
 * masters.commit_ratio: products.save through the dispatcher (validation, role check, the shared
 * mutator, audit row, outbox row, one transaction per product) against raw better-sqlite3 writing
 * the same rows (product, three group prices, audit row, outbox row) with the same durability
 * (synchronous = FULL, one transaction per product). Rounds alternate so a noisy machine hurts
 * both sides alike.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { pinyinInitials } from '../src/shared/search/pinyin';
import { uuidv7 } from '../src/shared/ids';
import { ean13Check } from '../src/main/demo/codes';
import { Desk } from '../src/main/desk/desk';
import { implementations } from '../src/main/handlers';
import { openStore } from '../src/main/store/open';
import { type Metric, log, missingHandlers, throughputRatio, unavailable } from './lib';

const PASSWORD = 'bench2026pw';

function productInput(i: number, groups: string[]) {
  const first12 = `69399${String(i).padStart(7, '0')}`;
  const listPrice = 1000 + ((i * 7919) % 90_000);
  return {
    sku: `MB${String(i).padStart(6, '0')}`,
    name: ['人体工学办公椅', '得力中性笔', '惠普激光打印机', 'A4 复印纸', '绿萝'][i % 5],
    spec: `型号 ${i}`,
    unit: ['把', '盒', '台', '箱', '盆'][i % 5],
    category: ['办公家具', '办公用品', '办公设备', '打印耗材', '绿植'][i % 5],
    listPrice,
    taxRateBp: 1300,
    barcode: first12 + ean13Check(first12),
    prices: groups.map((id, k) => ({ priceGroupId: id, price: Math.round((listPrice * (10 - k)) / 10) })),
  };
}

export async function mastersCommitRatio(workDir: string, quick: boolean): Promise<Metric[]> {
  const name = 'masters.commit_ratio';
  const missing = missingHandlers('products.save', 'priceGroups.save');
  if (missing.length) return [unavailable(name, 'ratio', '≥ 0.5', `n/a (handler missing); ${missing.join(', ')}`)];
  const total = quick ? 200 : 1000;
  const rounds = 5;
  const per = total / rounds;

  const desk = await Desk.open({ dataDir: path.join(workDir, 'masters-desk') }, implementations);
  const rawStore = openStore(fs.mkdtempSync(path.join(workDir, 'masters-raw-')));
  try {
    const admin = (await desk.call<{ sessionId: string }>('auth.setup', { password: PASSWORD, deskCode: 'BM' })).sessionId;
    const groups: string[] = [];
    for (const [code, groupName] of [['LS', '零售'], ['PF', '批发'], ['DKH', '大客户']]) {
      groups.push((await desk.call<{ id: string }>('priceGroups.save', { code, name: groupName }, admin)).id);
    }
    // The raw store gets the same reference rows (ids and all) so foreign keys hold on both sides.
    const raw = rawStore.raw;
    raw.prepare(`INSERT INTO sync_state (id, client_id, desk_code, cookie, next_mutation_id) VALUES (1, ?, 'BR', 0, 1)`).run(uuidv7());
    groups.forEach((id, k) => raw.prepare('INSERT INTO price_groups (id, code, name, updated_at) VALUES (?, ?, ?, ?)').run(id, `G${k}`, `组${k}`, new Date().toISOString()));
    const insProduct = raw.prepare(`INSERT INTO products (id, sku, name, name_pinyin, spec, unit, category, list_price, tax_rate_bp, barcode,
      make_to_order, bom_note, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, 1, ?, ?)`);
    const insPrice = raw.prepare('INSERT INTO product_prices (product_id, price_group_id, price) VALUES (?, ?, ?)');
    const insAudit = raw.prepare(`INSERT INTO audit_log (id, at, user_id, username, handler, entity, entity_id, summary, before, after)
      VALUES (?, ?, 'u', 'admin', 'products.save', 'product', ?, ?, NULL, ?)`);
    const nextMutation = raw.prepare('UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE id = 1 RETURNING next_mutation_id');
    const insOutbox = raw.prepare('INSERT INTO outbox (mutation_id, name, args, created_at, last_error) VALUES (?, ?, ?, ?, NULL)');
    const rawSave = raw.transaction((input: ReturnType<typeof productInput>) => {
      const id = uuidv7();
      const now = new Date().toISOString();
      insProduct.run(id, input.sku, input.name, pinyinInitials(input.name), input.spec, input.unit, input.category, input.listPrice, input.taxRateBp, input.barcode, now, now);
      for (const p of input.prices) insPrice.run(id, p.priceGroupId, p.price);
      insAudit.run(uuidv7(), now, id, input.sku, JSON.stringify({ ...input, id }));
      const m = nextMutation.get() as { next_mutation_id: number };
      insOutbox.run(m.next_mutation_id - 1, 'products.save', JSON.stringify({ input, env: { now, seed: 'x', userId: 'u' } }), now);
    });

    log(`${name}: ${total} products.save through the dispatcher vs raw, synchronous FULL, ${rounds} alternating rounds`);
    let deskMs = 0;
    let rawMs = 0;
    let i = 0;
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      for (let k = 0; k < per; k++) await desk.call('products.save', productInput(i + k, groups), admin);
      deskMs += performance.now() - t0;
      t0 = performance.now();
      for (let k = 0; k < per; k++) rawSave(productInput(1_000_000 + i + k, groups));
      rawMs += performance.now() - t0;
      i += per;
    }
    const sync = raw.pragma('synchronous', { simple: true });
    return [
      throughputRatio(name, (total * 1000) / deskMs, (total * 1000) / rawMs, 0.5, 'rows/s', `N=${total}, synchronous=${sync === 2 ? 'FULL' : sync}, ${os.cpus().length} cores`),
    ];
  } finally {
    await desk.close();
    await rawStore.close();
  }
}
