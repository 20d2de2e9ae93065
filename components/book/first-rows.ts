/**
 * The book's first rows drawn without React, as soon as the opening answer arrives: React and the
 * page take another few hundred milliseconds to load on a slow machine, and draw the same page over
 * this one in their first commit. The rows are the grid's own (roles, names, the ui-contract's data
 * hooks), usable with the keyboard and the mouse meanwhile; the controls that only React can run
 * (filters, sort, export) are drawn disabled, so nothing typed or clicked is lost.
 */
import { BOOK_FILTERS, DEFAULT_QUERY } from '@/lib/book/query';
import type { AccountInsight } from '@/lib/insights/summary';
import { toMs } from '@/lib/time';
import type { BookBlock } from './first-block';
import { BAND_NAMES, arrText, lastTouchText, renewalText, trendLabel, trendText } from './format';
import { briefingHref, COLUMNS, ROW_HEIGHT, rowWindow, statusText } from './grid';
import { el } from '../first-paint/element';

function row(insight: AccountInsight, index: number, nowMs: number): HTMLElement {
  return el(
    'div',
    {
      role: 'row',
      'aria-rowindex': index + 2,
      tabindex: index === 0 ? 0 : -1,
      className: index === 0 ? 'book-row book-row--active' : 'book-row',
      style: `top: ${index * ROW_HEIGHT}px;`,
      'data-account-id': insight.accountId,
      'data-top-action': insight.topAction?.id,
      'data-health-band': insight.band,
    },
    el(
      'div',
      { role: 'gridcell', className: 'book-col--name' },
      el(
        'a',
        { href: briefingHref(insight.accountId), target: '_blank', rel: 'noreferrer', tabindex: -1, className: 'book-row__name' },
        insight.name,
      ),
      el('span', { className: 'book-row__domain muted' }, insight.domains[0] ?? ''),
    ),
    el(
      'div',
      { role: 'gridcell', className: 'book-col--health' },
      el('span', { className: `book-band book-band--${insight.band}` }, BAND_NAMES[insight.band]),
      insight.score !== null && el('span', { className: 'book-row__score' }, ` ${insight.score}`),
    ),
    el('div', { role: 'gridcell', className: 'book-col--trend', 'aria-label': trendLabel(insight.trend) }, trendText(insight.trend)),
    el('div', { role: 'gridcell', className: 'book-col--action', title: insight.topAction?.reason }, insight.topAction?.title ?? '—'),
    el('div', { role: 'gridcell', className: 'book-col--num' }, String(insight.riskCount)),
    el('div', { role: 'gridcell', className: 'book-col--num' }, renewalText(insight.renewalInDays)),
    el('div', { role: 'gridcell', className: 'book-col--num' }, String(insight.overdueCount)),
    el('div', { role: 'gridcell', className: 'book-col--num' }, lastTouchText(insight.lastTouch, nowMs)),
    el('div', { role: 'gridcell', className: 'book-col--num' }, arrText(insight.arr)),
  );
}

function filters(page: BookBlock): HTMLElement {
  return el(
    'div',
    { className: 'book-filters' },
    el(
      'label',
      { className: 'book-filters__search' },
      el('span', { className: 'visually-hidden' }, 'Filter accounts'),
      el('input', { type: 'search', 'aria-label': 'Filter accounts', placeholder: 'Filter by name or domain', disabled: true }),
    ),
    el(
      'label',
      { className: 'book-filters__switch' },
      el('input', { type: 'checkbox', role: 'switch', disabled: true }),
      el('span', {}, 'All accounts'),
    ),
    el(
      'fieldset',
      { className: 'book-filters__set' },
      el('legend', { className: 'visually-hidden' }, 'Filters'),
      ...BOOK_FILTERS.map((f) =>
        el(
          'span',
          { className: 'book-filter' },
          el('label', {}, el('input', { type: 'checkbox', disabled: true }), f.label),
          el(
            'span',
            { className: 'book-filter__count', 'data-filter-count': f.id },
            String(page.counts[f.id]),
            el('span', { className: 'visually-hidden' }, ' accounts'),
          ),
        ),
      ),
    ),
  );
}

/** Arrow keys, Page Up/Down, Home and End move between the rows drawn; Enter and a click open the briefing. */
function wire(grid: HTMLElement, rows: HTMLElement[], scroller: HTMLElement) {
  const open = (target: HTMLElement) => {
    const id = target.getAttribute('data-account-id');
    if (id) window.open(briefingHref(id), '_blank', 'noopener');
  };
  // One row is in the tab order: the one last moved to.
  const activate = (next: HTMLElement) => {
    for (const r of rows) {
      const active = r === next;
      r.tabIndex = active ? 0 : -1;
      r.classList.toggle('book-row--active', active);
    }
  };
  const moveTo = (index: number) => {
    const next = rows[Math.max(0, Math.min(rows.length - 1, index))];
    activate(next);
    next.focus();
  };
  grid.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const at = rows.indexOf(target);
    if (at < 0) return;
    const page = Math.max(1, Math.floor(scroller.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(target);
    }
  });
  grid.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    // The name is a link of its own.
    if (target.closest('a')) return;
    const clicked = target.closest<HTMLElement>('[data-account-id]');
    if (clicked) open(clicked);
  });
  grid.addEventListener('focusin', (event) => {
    if (rows.includes(event.target as HTMLElement)) activate(event.target as HTMLElement);
  });
}

/**
 * Draws the opening page into `root` with the first rows of `page`, the page's opening query. When
 * React's page replaces it, the row that had the focus has it again and the list keeps its scroll.
 */
export function drawFirstRows(root: HTMLElement, page: BookBlock): void {
  const nowMs = toMs(page.asOf);
  const spacer = el('div', { className: 'book-grid__spacer', style: `height: ${page.inView * ROW_HEIGHT}px;` });
  const scroller = el('div', { role: 'rowgroup', className: 'book-grid__body' }, spacer);
  const grid = el(
    'div',
    { role: 'grid', 'aria-label': 'Accounts', 'aria-rowcount': page.inView + 1, 'aria-colcount': COLUMNS.length, className: 'book-grid' },
    el(
      'div',
      { role: 'rowgroup', className: 'book-grid__head' },
      el(
        'div',
        { role: 'row', 'aria-rowindex': 1, className: 'book-row book-row--head' },
        ...COLUMNS.map((c) =>
          el(
            'div',
            { role: 'columnheader', className: c.className, 'aria-sort': c.key === DEFAULT_QUERY.sort.key ? 'ascending' : 'none' },
            el('button', { type: 'button', className: 'book-sort', disabled: true }, c.label, el('span', { 'aria-hidden': 'true' })),
          ),
        ),
      ),
    ),
    scroller,
  );
  const header = el(
    'header',
    { className: 'book__header' },
    el(
      'div',
      {},
      el('h1', {}, 'My book'),
      el('p', { className: 'muted', role: 'status', 'aria-live': 'polite' }, statusText(page, DEFAULT_QUERY.scope)),
      page.updating &&
        el('p', { className: 'muted' }, 'Checking every account after a change: some rows may show how they were before it.'),
      // As the page says it, so its rows do not move down a line when it takes over.
      DEFAULT_QUERY.scope === 'mine' &&
        page.me.length === 0 &&
        el(
          'p',
          { className: 'muted' },
          'Every account counts as yours until you add your email or CRM user name in ',
          el('a', { href: '/options.html' }, 'Options'),
          '.',
        ),
    ),
    el(
      'div',
      { className: 'book__tools' },
      el('button', { type: 'button', className: 'button button--small', disabled: true }, 'Export CSV'),
      el('span', { className: 'muted', role: 'status' }),
    ),
  );
  const side = el(
    'div',
    { className: 'book__side' },
    el(
      'section',
      { className: 'card book-today', 'aria-labelledby': 'book-today-heading' },
      el('h2', { id: 'book-today-heading' }, 'Today'),
      el('p', { className: 'muted', 'aria-busy': 'true' }, 'Loading…'),
    ),
  );
  root.replaceChildren(
    el(
      'main',
      { className: 'book' },
      header,
      filters(page),
      el('div', { className: 'book__body' }, el('div', { className: 'book__list', 'aria-busy': 'true' }, grid), side),
    ),
  );
  // Laid out once here, with the styles already in: as many rows as the grid shows, as React would draw.
  const rows = page.rows.slice(0, rowWindow(0, scroller.clientHeight || 600, page.inView).last).map((r, i) => row(r, i, nowMs));
  spacer.append(...rows);
  wire(grid, rows, scroller);
  handOver(root, grid, scroller);
}

/** Follows the focus and the scroll, and gives them to the page that replaces this one. */
function handOver(root: HTMLElement, grid: HTMLElement, scroller: HTMLElement) {
  let focusedId: string | null = null;
  let scrollTop = 0;
  grid.addEventListener('focusin', (event) => {
    focusedId = (event.target as HTMLElement).getAttribute('data-account-id');
  });
  grid.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (to && !grid.contains(to)) focusedId = null;
  });
  scroller.addEventListener('scroll', () => (scrollTop = scroller.scrollTop), { passive: true });
  const main = root.firstElementChild!;
  const replaced = new MutationObserver(() => {
    if (main.isConnected) return;
    replaced.disconnect();
    const body = root.querySelector<HTMLElement>('.book-grid__body');
    if (body && scrollTop) body.scrollTop = scrollTop;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (focusedId && lost)
      root.querySelector<HTMLElement>(`[role="row"][data-account-id="${CSS.escape(focusedId)}"]`)?.focus({ preventScroll: true });
  });
  replaced.observe(root, { childList: true });
}
