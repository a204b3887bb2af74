// A list of fixed-height rows that keeps only the rows in view (plus a few
// either side) in the DOM, so thousands of tasks scroll smoothly. Rows sit at
// index × rowHeight inside a spacer as tall as the whole list. Arrow keys,
// Home and End move focus between focusable rows, scrolling them into view.
import React, {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {KeyboardEvent, ReactNode} from 'react';

export type VirtualListProps = {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  rowKey: (index: number) => string;
  /** Rows arrow keys stop at (default: every row). */
  isFocusable?: (index: number) => boolean;
  /** Called when the last rows come into view (for the next page). */
  onEndReached?: () => void;
  /** Height used until (or where) the element cannot be measured, e.g. jsdom. */
  fallbackHeight?: number;
  overscan?: number;
  ariaLabel: string;
  busy?: boolean;
};

/** Which rows to render for a scroll position: [start, end). */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + 1 + overscan);
  return [start, Math.max(start, end)];
}

const navigationKeys = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export function VirtualList({count, rowHeight, renderRow, rowKey, isFocusable = () => true, onEndReached, fallbackHeight = 480, overscan = 6, ariaLabel, busy = false}: VirtualListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) {
      return undefined;
    }
    const measure = () => setHeight(element.clientHeight > 0 ? element.clientHeight : fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  const [start, end] = visibleRange(scrollTop, height, rowHeight, count, overscan);

  useEffect(() => {
    if (onEndReached && count > 0 && end >= count - overscan) {
      onEndReached();
    }
  }, [end, count, overscan, onEndReached]);

  // Focuses the row arrow keys moved to once it is rendered (it may be
  // outside the window until the scroll has re-rendered).
  const focusPending = useCallback(() => {
    const index = pendingFocus.current;
    const row = index === null ? null : viewport.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-focus]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  }, []);
  useEffect(focusPending);

  const scrollToIndex = useCallback((index: number) => {
    const element = viewport.current;
    if (!element) {
      return;
    }
    const top = index * rowHeight;
    let next = element.scrollTop;
    if (top < next) {
      next = top;
    } else if (top + rowHeight > next + height) {
      next = top + rowHeight - height;
    }
    element.scrollTop = next;
    setScrollTop(next);
  }, [rowHeight, height]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!navigationKeys.has(event.key)) {
      return;
    }
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from) {
      return;
    }
    const current = Number(from.dataset.index);
    const step = event.key === 'ArrowUp' || event.key === 'End' ? -1 : 1;
    let index = {ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1}[event.key] ?? current;
    while (index >= 0 && index < count && !isFocusable(index)) {
      index += step;
    }
    if (index < 0 || index >= count) {
      return;
    }
    event.preventDefault();
    pendingFocus.current = index;
    scrollToIndex(index);
    focusPending();
  };

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <div
        key={rowKey(index)}
        role='listitem'
        aria-setsize={count}
        aria-posinset={index + 1}
        data-index={index}
        className='baton-vlist__row'
        style={{top: index * rowHeight, height: rowHeight}}
      >
        {renderRow(index)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className='baton-vlist'
      role='list'
      aria-label={ariaLabel}
      aria-busy={busy}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div
        className='baton-vlist__spacer'
        style={{height: count * rowHeight}}
      >
        {rows}
      </div>
    </div>
  );
}
