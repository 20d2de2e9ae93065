/**
 * The rows in view as an ARIA grid, virtualised: only the rows on screen (plus a margin) are in the
 * DOM, fetched a block at a time, so a 100k-account book scrolls like a 50-account one. Arrow keys,
 * Page Up/Down, Home and End move between rows; Enter opens the row's briefing.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BookQuery, BookSortKey } from '@/lib/book/query';
import type { AccountInsight } from '@/lib/insights/summary';
import { BLOCK, useBookBlock } from './book-hooks';
import { COLUMNS, ROW_HEIGHT, rowWindow } from './grid';
import { BAND_NAMES, arrText, lastTouchText, renewalText, trendLabel, trendText } from './format';

interface Props {
  query: BookQuery;
  inView: number;
  nowMs: number;
  firstBlock: AccountInsight[] | undefined;
  onSort: (key: BookSortKey) => void;
  onOpen: (accountId: string) => void;
  briefingHref: (accountId: string) => string;
}

export function BookTable({ query, inView, nowMs, firstBlock, onSort, onOpen, briefingHref }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(false);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  const { first, last } = rowWindow(scrollTop, height, inView);
  const startBlock = Math.floor(first / BLOCK);
  const endBlock = Math.floor(Math.max(first, last - 1) / BLOCK);
  const blockA = useBookBlock(query, startBlock, startBlock > 0);
  const blockB = useBookBlock(query, endBlock, endBlock > 0 && endBlock !== startBlock);
  const rowAt = (index: number): AccountInsight | undefined => {
    const block = Math.floor(index / BLOCK);
    const data = block === 0 ? firstBlock : block === startBlock ? blockA.data?.rows : block === endBlock ? blockB.data?.rows : undefined;
    return data?.[index - block * BLOCK];
  };
  const current = Math.min(active, Math.max(0, inView - 1));

  // The row moved to may only exist after its block arrives and renders: focus it then.
  useEffect(() => {
    if (!focusWanted) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[aria-rowindex="${current + 2}"][data-account-id]`);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusWanted(false);
    }
  }, [focusWanted, current, blockA.data, blockB.data, firstBlock]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(inView - 1, index));
    setActive(next);
    setFocusWanted(true);
    const el = scroller.current;
    if (!el) return;
    const top = next * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).getAttribute('role') !== 'row') return;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: inView - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter') {
      const row = rowAt(current);
      if (row) {
        event.preventDefault();
        onOpen(row.accountId);
      }
    }
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const row = rowAt(i);
    rows.push(
      row ? (
        <BookRow
          key={row.accountId}
          row={row}
          index={i}
          active={i === current}
          nowMs={nowMs}
          href={briefingHref(row.accountId)}
          onFocus={() => setActive(i)}
          onOpen={onOpen}
        />
      ) : (
        <div key={`loading-${i}`} role="row" aria-rowindex={i + 2} className="book-row book-row--loading" style={{ top: i * ROW_HEIGHT }}>
          <div role="gridcell" aria-busy="true">
            Loading…
          </div>
        </div>
      ),
    );
  }

  return (
    <div
      role="grid"
      aria-label="Accounts"
      aria-rowcount={inView + 1}
      aria-colcount={COLUMNS.length}
      className="book-grid"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="book-grid__head">
        <div role="row" aria-rowindex={1} className="book-row book-row--head">
          {COLUMNS.map((c) => {
            const sorted = query.sort.key === c.key;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={c.className}
                aria-sort={sorted ? (query.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="book-sort" onClick={() => onSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sorted ? (query.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="book-grid__body"
        onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
      >
        <div className="book-grid__spacer" style={{ height: inView * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: AccountInsight;
  index: number;
  active: boolean;
  nowMs: number;
  href: string;
  onFocus: () => void;
  onOpen: (accountId: string) => void;
}

function BookRow({ row, index, active, nowMs, href, onFocus, onOpen }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      className={`book-row${active ? ' book-row--active' : ''}`}
      style={{ top: index * ROW_HEIGHT }}
      data-account-id={row.accountId}
      data-top-action={row.topAction?.id}
      data-health-band={row.band}
      onFocus={onFocus}
      onClick={(e) => {
        // The name is a link of its own; a click anywhere else on the row opens the same briefing.
        if (!(e.target as HTMLElement).closest('a')) onOpen(row.accountId);
      }}
    >
      <div role="gridcell" className="book-col--name">
        <a href={href} target="_blank" rel="noreferrer" tabIndex={-1} className="book-row__name">
          {row.name}
        </a>
        <span className="book-row__domain muted">{row.domains[0] ?? ''}</span>
      </div>
      <div role="gridcell" className="book-col--health">
        <span className={`book-band book-band--${row.band}`}>{BAND_NAMES[row.band]}</span>
        {row.score !== null && <span className="book-row__score"> {row.score}</span>}
      </div>
      <div role="gridcell" className="book-col--trend" aria-label={trendLabel(row.trend)}>
        {trendText(row.trend)}
      </div>
      <div role="gridcell" className="book-col--action" title={row.topAction?.reason}>
        {row.topAction?.title ?? '—'}
      </div>
      <div role="gridcell" className="book-col--num">
        {row.riskCount}
      </div>
      <div role="gridcell" className="book-col--num">
        {renewalText(row.renewalInDays)}
      </div>
      <div role="gridcell" className="book-col--num">
        {row.overdueCount}
      </div>
      <div role="gridcell" className="book-col--num">
        {lastTouchText(row.lastTouch, nowMs)}
      </div>
      <div role="gridcell" className="book-col--num">
        {arrText(row.arr)}
      </div>
    </div>
  );
}
