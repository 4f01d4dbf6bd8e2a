import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The main process builds objects with Object.assign, not with a spread followed by more properties:
 * on Node 20's V8 every object made that way survives young-generation collections (see
 * eslint.config.js). The lint rule is what keeps it so; these are the cases it must tell apart.
 */
const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function spreadErrors(code: string, file: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

describe('spread rule for main-process code', () => {
  it('refuses a spread followed by a property or another spread inside a function', async () => {
    const code = `export function f(a: object, b: object) {\n  return [{ ...a, x: 1 }, { ...a, ...b }, { y: 2, ...a, z: 3 }];\n}\n`;
    // One report per element after a spread: x; b; z.
    expect(await spreadErrors(code, 'src/shared/mutators/example.ts')).toBe(3);
    expect(await spreadErrors(code, 'src/main/orders/example.ts')).toBe(3);
  });

  it('accepts Object.assign, a lone spread, a spread last, and module-level definitions', async () => {
    const code = `const base = { a: 1 };\nexport const shape = { ...base, b: 2 };\nexport function f(a: object) {\n  return [Object.assign({}, a, { x: 1 }), { ...a }, { x: 1, ...a }];\n}\n`;
    expect(await spreadErrors(code, 'src/shared/mutators/example.ts')).toBe(0);
  });

  it('leaves tests and the renderer alone', async () => {
    const code = `export function f(a: object) {\n  return { ...a, x: 1 };\n}\n`;
    expect(await spreadErrors(code, 'src/main/orders/example.test.ts')).toBe(0);
    expect(await spreadErrors(code, 'src/renderer/example.ts')).toBe(0);
  });
});
