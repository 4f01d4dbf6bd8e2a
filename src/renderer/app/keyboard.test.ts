import { describe, expect, it } from 'vitest';
import { displayKey } from './keyboard';

describe('keys as written on screen', () => {
  it.each([
    ['Escape', 'Esc'],
    ['Ctrl+Delete', 'Ctrl+Del'],
    ['a', 'A'],
    ['S', 'Shift+S'],
    ['Ctrl+K', 'Ctrl+K'],
    ['F2', 'F2'],
    ['Alt+1', 'Alt+1'],
  ])('%s is shown as %s', (key, shown) => {
    expect(displayKey(key)).toBe(shown);
  });
});
