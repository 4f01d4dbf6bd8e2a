import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './print.css';

export type PaperSize = 'A4' | 'thermal80';

/**
 * Renders a business document into its own root beside the app. On screen it is a preview; when
 * printing, only this root is shown and @page sets the paper. Desktop and browser both print with
 * window.print() (the system dialog offers printers and "Save as PDF").
 */
export function PrintPortal({ paper = 'A4', children }: { paper?: PaperSize; children: ReactNode }) {
  const [root] = useState(() => {
    const el = document.createElement('div');
    el.className = `print-root paper-${paper}`;
    return el;
  });
  useEffect(() => {
    document.body.appendChild(root);
    document.body.classList.add(`printing-${paper}`);
    return () => {
      root.remove();
      document.body.classList.remove(`printing-${paper}`);
    };
  }, [root, paper]);
  return createPortal(children, root);
}

export function printNow(): void {
  window.print();
}
