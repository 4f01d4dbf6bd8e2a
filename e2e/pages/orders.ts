import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const SHOTS = 'test-results';

export interface MouseEventRecord {
  type: string;
  target: string;
  trusted: boolean;
}

/**
 * Page model of the order screens (zh-CN). Every key the test sends goes through press() / type(),
 * which count them: a combination (Control+Enter) is one key press, typed text one per character.
 */
export class OrdersPage {
  keystrokes = 0;

  constructor(readonly page: Page) {}

  /** One key or one combination ("Enter", "Control+Enter"). */
  async press(key: string) {
    this.keystrokes += 1;
    await this.page.keyboard.press(key);
  }

  /** Text, one key press per character. */
  async type(text: string) {
    this.keystrokes += [...text].length;
    await this.page.keyboard.type(text);
  }

  resetCount() {
    this.keystrokes = 0;
  }

  /** Record every mouse / pointer event the page sees from now on (none may happen in a keyboard-only test). */
  async guardMouse() {
    await this.page.evaluate(() => {
      const w = window as unknown as { __mouse: { type: string; target: string; trusted: boolean }[] };
      w.__mouse = [];
      for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu']) {
        window.addEventListener(
          type,
          (e) => {
            const el = e.target as HTMLElement | null;
            w.__mouse.push({ type, target: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '', trusted: e.isTrusted });
          },
          true,
        );
      }
    });
  }

  async mouseEvents(): Promise<MouseEventRecord[]> {
    return this.page.evaluate(() => (window as unknown as { __mouse?: MouseEventRecord[] }).__mouse ?? []);
  }

  entry(): Locator {
    return this.page.locator('section.o-entry');
  }

  heading(): Locator {
    return this.page.locator('h1');
  }

  /** F2: the entry screen, with the cursor in the customer field (or the resume dialog). */
  async openEntry() {
    await this.press('F2');
    await this.entry().waitFor();
  }

  /** A header field by its label. */
  field(label: string | RegExp): Locator {
    return this.entry().locator('.o-header').getByLabel(typeof label === 'string' ? new RegExp(`^${label}\\*?$`) : label);
  }

  customer(): Locator {
    return this.entry().getByRole('combobox', { name: '客户' });
  }

  /** A line cell: product, qty, price, discount, params. */
  line(n: number, col: 'product' | 'qty' | 'price' | 'discount' | 'params'): Locator {
    return this.entry().locator('tbody tr').nth(n - 1).locator(`[data-col="${col}"]`);
  }

  lineRow(n: number): Locator {
    return this.entry().locator('tbody tr').nth(n - 1);
  }

  lineCount(): Promise<number> {
    return this.entry().locator('tbody tr').count();
  }

  /** The message shown under a field (header field or line cell). */
  errorOf(field: Locator): Locator {
    return field.locator('xpath=ancestor::*[contains(@class,"field") or self::td][1]').locator('[role="alert"]');
  }

  async focusedIs(field: Locator): Promise<boolean> {
    return field.evaluate((el) => el === el.ownerDocument.activeElement);
  }

  /** What the focused element is: its data-col / data-path / aria-label. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      return el.dataset.col ?? el.dataset.path ?? el.getAttribute('aria-label') ?? el.tagName;
    });
  }

  saveState(): Locator {
    return this.entry().locator('[data-save]');
  }

  async waitSaved() {
    await this.entry().locator('[data-save="saved"]').waitFor();
  }

  number(): Locator {
    return this.entry().locator('[data-number]');
  }

  outcome(): Locator {
    return this.entry().locator('.o-outcome');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  toasts(): Locator {
    return this.page.locator('.toasts');
  }

  async shot(name: string) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await this.page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }
}
