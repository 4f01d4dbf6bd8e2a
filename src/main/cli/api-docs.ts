import { z } from '../../shared/zod';
import { contract } from '../../shared/contract';
import type { HandlerDef } from '../../shared/contract/define';

/** docs/API.md from the contract itself, so the documentation cannot drift from the code. */
function schemaText(schema: z.ZodType): string {
  try {
    return JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }), null, 2);
  } catch {
    return '(not representable as JSON Schema)';
  }
}

function access(def: HandlerDef): string {
  if (def.access === 'public') return 'anyone (no sign-in)';
  if (def.access === 'signedIn') return 'any signed-in user';
  return def.access.join(', ');
}

const defs = Object.values(contract) as HandlerDef[];
const out: string[] = [
  '# Order Desk API',
  '',
  'Generated from `src/shared/contract` by `npm run docs:api`; do not edit by hand.',
  '',
  'Every handler is reachable the same way from the desktop renderer (IPC) and from the local HTTP API',
  '(browser mode, integrations, RPA scripts):',
  '',
  '```',
  'POST http://127.0.0.1:PORT/api/<handler>',
  'Authorization: Bearer <per-launch token printed at start>',
  'X-Desk-Session: <sessionId from auth.login>     (all handlers except public ones)',
  'X-Desk-Locale: zh-CN | en                       (language of error messages)',
  'Content-Type: application/json',
  '',
  '<input as JSON>',
  '```',
  '',
  'Answer: `{"ok": true, "result": ...}` or `{"ok": false, "error": {"code", "message", "params", "fields": [{"path", "code", "message"}]}}`',
  'with HTTP 400/401/403/404/409/413/422/429. `GET /api/events` (token in the header, or `?token=`) is a',
  'Server-Sent Events stream of `changed {tables}` and `progress` events.',
  '',
  '| Handler | Kind | Who may call | Summary |',
  '| --- | --- | --- | --- |',
  ...defs.map((d) => `| [\`${d.name}\`](#${d.name.replace(/\./g, '').toLowerCase()}) | ${d.kind} | ${access(d)} | ${d.summary} |`),
  '',
];
for (const d of defs) {
  out.push(`## ${d.name}`, '', d.summary, '', `- Kind: ${d.kind}${d.kind === 'mutation' ? (d.sync === false ? ' (local only)' : ' (queued for sync)') : ''}`);
  out.push(`- Who may call: ${access(d)}`, `- Tables: ${d.tables.join(', ') || '—'}`, '', 'Input:', '', '```json', schemaText(d.input), '```', '');
  out.push('Result:', '', '```json', schemaText(d.result), '```', '');
}
process.stdout.write(out.join('\n'));
