import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const SHOTS = 'test-results';

/**
 * Page model of the approval queue (zh-CN): F6 opens it, 1–5 pick a group, J/K move, A/R/C decide.
 * Tests say what the approver does; the selectors live here.
 */
export class ApprovalsPage {
  constructor(readonly page: Page) {}

  get keyboard() {
    return this.page.keyboard;
  }

  async open() {
    await this.page.keyboard.press('F6');
    await this.page.locator('h1').filter({ hasText: '审批队列' }).waitFor();
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** The count shown on a group's tab. */
  count(name: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).locator('.ap-count');
  }

  selectedTab(): Locator {
    return this.page.getByRole('tab', { selected: true });
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'approvals' });
  }

  /** Rows on screen (the grid is virtualized). */
  rows(): Locator {
    return this.grid().locator('.grid-body [role="row"]');
  }

  activeRow(): Locator {
    return this.grid().locator('.grid-body [role="row"][aria-selected="true"]');
  }

  /** The detail panel of the active order (named by its number once loaded). */
  detail(number?: string): Locator {
    return number ? this.page.getByRole('complementary', { name: number }) : this.page.locator('.ap-detail');
  }

  /** Press J until the cursor is on the order (at most `max` steps). */
  async moveTo(number: string, max = 30) {
    for (let i = 0; i < max; i++) {
      if (((await this.activeRow().textContent()) ?? '').includes(number)) break;
      await this.page.keyboard.press('j');
    }
    // The detail follows the cursor once it rests.
    await this.detail(number).waitFor();
    await this.page.locator('.ap-detail.stale').waitFor({ state: 'detached' });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  toast(): Locator {
    return this.page.locator('.toast');
  }

  keyBar(): Locator {
    return this.page.locator('.keybar');
  }

  /** A full-window screenshot into test-results/, for a person to look at. */
  async shot(name: string) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await this.page.waitForTimeout(150);
    await this.page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }
}
