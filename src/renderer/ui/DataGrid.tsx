import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. "120px" or "2fr". */
  width: string;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
}

interface DataGridProps<T> {
  label: string;
  columns: Column<T>[];
  rowCount: number;
  /** undefined = not loaded yet (a placeholder row is shown and onRangeChange asks for it). */
  getRow: (index: number) => T | undefined;
  rowKey: (row: T, index: number) => string;
  onOpen?: (row: T, index: number) => void;
  onActiveChange?: (index: number, row: T | undefined) => void;
  onRangeChange?: (start: number, end: number) => void;
  rowClass?: (row: T) => string | undefined;
  emptyText?: string;
  autoFocus?: boolean;
  rowHeight?: number;
}

/**
 * Virtualized, keyboard-driven table: ↑/↓/PgUp/PgDn/Home/End move, Enter opens. Renders only the
 * rows in view, so a million-row list costs the same as a hundred.
 */
export function DataGrid<T>(props: DataGridProps<T>) {
  const { columns, rowCount, getRow, rowKey, onOpen, onActiveChange, onRangeChange, rowClass, rowHeight = 30 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const template = columns.map((c) => c.width).join(' ');
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

  useEffect(() => {
    if (active >= rowCount && rowCount > 0) setActive(rowCount - 1);
  }, [rowCount, active]);

  useEffect(() => {
    onActiveChange?.(active, getRow(active));
    // getRow identity changes with every page load; the active row is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  useEffect(() => {
    if (props.autoFocus) gridRef.current?.focus();
  }, [props.autoFocus]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rowCount - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    switch (e.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        move(active - 1);
        break;
      case 'PageDown':
        move(active + page);
        break;
      case 'PageUp':
        move(active - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rowCount - 1);
        break;
      case 'Enter': {
        const row = getRow(active);
        if (row && onOpen) onOpen(row, active);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      className="grid"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount}
      tabIndex={0}
      ref={gridRef}
      onKeyDown={onKeyDown}
      aria-activedescendant={rowCount ? `${props.label}-row-${active}` : undefined}
    >
      <div className="grid-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className={`cell align-${c.align ?? 'left'}`}>
            {c.header}
          </div>
        ))}
      </div>
      <div className="grid-body" ref={scrollRef}>
        {rowCount === 0 ? <div className="grid-empty">{props.emptyText ?? ''}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = getRow(item.index);
            const isActive = item.index === active;
            return (
              <div
                key={row ? rowKey(row, item.index) : `loading-${item.index}`}
                id={`${props.label}-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={isActive}
                className={`grid-row${isActive ? ' active' : ''}${item.index % 2 ? ' odd' : ''}${row && rowClass ? ` ${rowClass(row) ?? ''}` : ''}`}
                style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => setActive(item.index)}
                onDoubleClick={() => row && onOpen?.(row, item.index)}
              >
                {row
                  ? columns.map((c) => (
                      <div key={c.key} role="gridcell" className={`cell align-${c.align ?? 'left'}`}>
                        {c.render(row)}
                      </div>
                    ))
                  : <div className="cell loading">…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
