import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { MESSAGES } from '../../shared/i18n/messages';
import { masters } from '../../shared/i18n/messages/masters';

const ROOTS = ['src/shared/contract/masters.ts', 'src/shared/mutators/masters', 'src/main/masters'];
const ENTITIES = ['customer', 'product', 'region', 'salesRep', 'carrier', 'priceGroup', 'warehouse'];

function sources(): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (fs.statSync(p).isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(fs.readFileSync(p, 'utf8'));
  };
  for (const r of ROOTS) walk(path.resolve(r));
  return out;
}

describe('master-data messages', () => {
  it('has every code the master-data code raises, in Chinese and English', () => {
    const text = sources().join('\n');
    const codes = new Set<string>();
    for (const m of text.matchAll(/['`]((?:v|customer|product|stock|import|warehouse|region|salesRep|carrier|priceGroup|auth|validation)\.[A-Za-z.]+)['`]/g)) codes.add(m[1]);
    for (const e of ENTITIES) {
      codes.add(`${e}.exists`);
      codes.add(`${e}.notFound`);
    }
    for (const reason of ['length', 'charset', 'checkChar']) codes.add(`v.uscc.${reason}`);
    for (const name of Object.keys(contract)) codes.delete(name); // handler names, not messages
    const missing = [...codes].filter((c) => !MESSAGES['zh-CN'][c] || !MESSAGES.en[c]);
    expect(missing).toEqual([]);
    expect(codes.size).toBeGreaterThan(40);
  });

  it('says the same things in both languages, with the same parameters', () => {
    expect(Object.keys(masters.en).sort()).toEqual(Object.keys(masters['zh-CN']).sort());
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(masters.en)) expect(params(masters.en[key]), key).toEqual(params(masters['zh-CN'][key]));
  });
});
