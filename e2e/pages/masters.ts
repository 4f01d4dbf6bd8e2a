import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const SHOTS = 'test-results';

/**
 * Page model of the master-data screens (zh-CN): how a clerk reaches them and what they look at.
 * Tests say what they do ("open customers, press Insert"); the selectors live here.
 */
export class MastersPage {
  constructor(readonly page: Page) {}

  get keyboard() {
    return this.page.keyboard;
  }

  heading(): Locator {
    return this.page.locator('h1');
  }

  /** F7 customers, F8 products, F9 stock: the function keys the key bar shows. */
  async openCustomers() {
    await this.page.keyboard.press('F7');
    await this.heading().filter({ hasText: '客户' }).waitFor();
  }

  async openProducts() {
    await this.page.keyboard.press('F8');
    await this.heading().filter({ hasText: '商品' }).waitFor();
  }

  async openStock() {
    await this.page.keyboard.press('F9');
    await this.heading().filter({ hasText: '库存' }).waitFor();
  }

  /** Screens without a function key: through the command palette, by name. */
  async openByPalette(name: string, heading: string) {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await this.heading().filter({ hasText: heading }).waitFor();
  }

  grid(label: string): Locator {
    return this.page.getByRole('grid', { name: label });
  }

  /** Rows of a grid that are on screen (it is virtualized). */
  gridRows(label: string): Locator {
    return this.grid(label).locator('.grid-body [role="row"]');
  }

  searchBox(): Locator {
    return this.page.getByLabel('搜索', { exact: true });
  }

  count(): Locator {
    return this.page.locator('.m-count');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** A field of the open dialog by its label (top part of the form). */
  field(label: string | RegExp): Locator {
    return this.dialog().getByLabel(label);
  }

  /** A cell of the address sub-table: row is 1-based, column as headed ("电话"). */
  addressCell(row: number, column: string): Locator {
    return this.dialog().getByLabel(`收货地址 ${row} ${column}`, { exact: true });
  }

  /** The error shown beneath a field or a sub-table cell. */
  errorOf(control: Locator): Locator {
    return control.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " cell-field ") or contains(concat(" ", @class, " "), " field ")][1]').getByRole('alert');
  }

  toast(): Locator {
    return this.page.locator('.toast');
  }

  keyBar(): Locator {
    return this.page.locator('.keybar');
  }

  /** Choose a file for the import screen's (hidden) file input. */
  async chooseImportFile(name: string, content: string | Buffer, mimeType = 'text/csv') {
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') });
  }

  importSummary(): Locator {
    return this.page.locator('.import-summary');
  }

  importResult(): Locator {
    return this.page.locator('.import-result');
  }

  /** A full-window screenshot into test-results/, for a person to look at. */
  async shot(name: string) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await this.page.waitForTimeout(150);
    await this.page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }
}
