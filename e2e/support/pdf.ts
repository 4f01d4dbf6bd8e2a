import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Print the page as Chromium would to paper (print CSS, @page size) and read the PDF back with
 * pdftotext; optionally also render page 1 to PNG (pdftoppm) to look at.
 */
export async function printToText(page: Page, options: { png?: string; pdf?: string } = {}): Promise<{ text: string; pages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-pdf-'));
  try {
    const pdfFile = options.pdf ?? path.join(dir, 'doc.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    if (options.png) {
      fs.mkdirSync(path.dirname(options.png), { recursive: true });
      const base = options.png.replace(/\.png$/, '');
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, base]);
    }
    return { text, pages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
