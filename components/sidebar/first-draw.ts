/**
 * The sidebar's first screen for a matched account, drawn without React the moment sidebar.redeem
 * answers: React and the sidebar (most of its script) load after it and draw the same screen over
 * this one in their first commit (SidebarApp's matched state: the same roles, names and ui-contract
 * hooks; tests/components/sidebar/first-draw.test.tsx compares the two). Collapsing works at once;
 * the controls only React can run (dismiss, snooze, the disclosures) are marked aria-disabled until
 * it does, rather than disabled, which would grey them and change their look when React takes over.
 */
import type { AccountView } from '@/lib/account-view/types';
import type { NextAction } from '@/lib/insights';
import { ago } from '@/lib/sync/words';
import { formatMoney, missingFacts, missingFactsText, relativeDay, spokenDate, TIER_LABEL, TOUCH_WORDS } from '../account/format';
import { nextCommitment, shownStatus } from '../commitments/status';
import { BAND_LABELS, coverageText, LEVEL_ICONS, LEVEL_LABELS, trendWords } from '../insights/format';
import { el, type Child } from '../first-paint/element';

/** Ids for the labels the controls point at; React's own (useId) replace them when it takes over. */
let lastId = 0;
const newId = () => `glance-first-${++lastId}`;

/** A control React wires: focusable and named as React's, inert until then. */
const waiting = { 'aria-disabled': 'true' } as const;

function syncedLine(sync: NonNullable<AccountView['sync']>): HTMLElement {
  const record = sync.source === 'hubspot' ? `HubSpot company ${sync.crmId}` : 'Salesforce account';
  return el(
    'p',
    { className: 'muted synced-line' },
    `Synced ${ago(sync.at, new Date())} from `,
    sync.url ? el('a', { href: sync.url, target: '_blank', rel: 'noopener noreferrer' }, record) : record,
  );
}

function header(view: AccountView): HTMLElement {
  const { account, insights } = view;
  const tier = insights.tier.tier;
  const lastTouch = view.recentActivities[0];
  const missing = missingFacts(account.arr, tier, account.renewalDate);
  const fact = (term: string, attrs: Record<string, string | undefined>, ...value: Child[]) =>
    el('div', {}, el('dt', {}, term), el('dd', attrs, ...value));
  const aside = (text: string) => el('span', { className: 'muted facts__aside' }, text);
  return el(
    'header',
    { className: 'account-header' },
    el(
      'h1',
      { className: 'account-header__name' },
      account.name,
      account.sample === true && el('span', { className: 'badge badge--sample' }, 'Sample data'),
    ),
    el(
      'dl',
      { className: 'facts' },
      fact('Tier', {}, tier ? TIER_LABEL[tier] : '—'),
      fact('ARR', {}, formatMoney(account.arr, account.currency)),
      account.renewalDate
        ? fact(
            'Renewal',
            { 'data-renewal-date': account.renewalDate },
            `${relativeDay(account.renewalDate, view.asOf)} `,
            aside(spokenDate(account.renewalDate, view.asOf)),
          )
        : fact('Renewal', {}, '—'),
      lastTouch
        ? fact(
            'Last touch',
            { 'data-last-touch': lastTouch.date },
            `${spokenDate(lastTouch.date, view.asOf)} `,
            aside(TOUCH_WORDS[lastTouch.type] ?? lastTouch.type),
          )
        : fact('Last touch', {}, 'none on record'),
    ),
    missing.length > 0 &&
      el('p', { className: 'muted account-header__missing', 'data-missing': missing.join(' ') }, missingFactsText(missing)),
  );
}

function health(view: AccountView): HTMLElement {
  const { health: h } = view.insights;
  const headingId = newId();
  const { trend } = h;
  const words = trend && trendWords(trend);
  const missing = h.dimensions.some((d) => d.score === null);
  return el(
    'section',
    { className: 'card insights-card health-card health-card--compact', 'aria-labelledby': headingId },
    el('h2', { id: headingId, className: 'visually-hidden' }, 'Health'),
    el(
      'div',
      { className: 'health-top' },
      el(
        'p',
        { className: `health-display health-display--${h.band}`, 'data-health-band': h.band, 'data-health-score': h.score ?? undefined },
        h.score !== null && el('span', { className: 'health-display__score' }, String(h.score)),
        h.score !== null && el('span', { className: 'visually-hidden' }, ' out of 100, '),
        el('span', { className: 'health-display__band' }, BAND_LABELS[h.band]),
      ),
      h.score !== null &&
        (trend && words
          ? el(
              'p',
              { className: `health-trend health-trend--${trend.direction}`, 'data-trend': trend.direction },
              el('span', { 'aria-hidden': 'true' }, words.shown),
              el('span', { className: 'visually-hidden' }, words.spoken),
            )
          : el('p', { className: 'health-trend muted' }, 'No score from 30 days ago to compare')),
    ),
    h.score === null
      ? el('p', { className: 'muted' }, 'No data to score yet: see what would score it under Health details.')
      : missing && el('p', { className: 'health-coverage muted' }, coverageText(h)),
  );
}

/** A closed disclosure (components/insights/Disclosure.tsx): its body is empty until opened. */
function disclosure(summary: string, className: string, describedBy?: string): HTMLElement {
  const regionId = newId();
  return el(
    'div',
    { className: `disclosure ${className}` },
    el(
      'button',
      {
        type: 'button',
        className: 'disclosure__toggle',
        'aria-expanded': 'false',
        'aria-controls': regionId,
        'aria-describedby': describedBy,
        ...waiting,
      },
      el('span', { className: 'disclosure__chevron', 'aria-hidden': 'true' }, '▸'),
      summary,
    ),
    el('div', { id: regionId, className: 'disclosure__body', hidden: true }),
  );
}

function actionItem(action: NextAction, top: boolean): HTMLElement {
  const { id, title, reason, steps } = action;
  const titleId = newId();
  const control = (text: string, label?: string) =>
    el(
      'button',
      { type: 'button', className: 'button button--quiet button--small', 'aria-label': label, 'aria-describedby': titleId, ...waiting },
      text,
    );
  return el(
    'li',
    { className: top ? 'action action--top' : 'action', 'data-action-id': id },
    top && el('span', { className: 'action__kicker' }, 'Next best action'),
    el('p', { className: 'action__title', id: titleId }, title),
    el('p', { className: 'action__reason muted' }, reason),
    top && steps.length > 0 && el('p', { className: 'action__first-step' }, el('strong', {}, 'First step:'), ` ${steps[0]}`),
    steps.length > (top ? 1 : 0) && disclosure(top ? 'All steps' : 'Steps', 'action__steps', titleId),
    el(
      'div',
      { className: 'action__controls' },
      control('Dismiss'),
      el('span', { className: 'action__snooze muted', 'aria-hidden': 'true' }, 'Snooze'),
      control('1 day', 'Snooze 1 day'),
      control('1 week', 'Snooze 1 week'),
    ),
  );
}

/** ActionsCard, compact, as it first renders (nothing changed yet, the other actions folded). */
function actions(view: AccountView): HTMLElement {
  const { top, more, hidden } = view.insights.actions;
  const shown = top ? [top, ...more] : [];
  const headingId = newId();
  const list = (label: string, items: HTMLElement[], attrs: Record<string, string | boolean | number> = {}) =>
    el('ol', { ...attrs, className: 'actions-list', 'aria-label': label }, ...items);
  let body: Child[];
  if (shown.length === 0) body = [el('p', { className: 'muted' }, 'No suggested actions right now')];
  else if (shown.length > 1) {
    const moreId = newId();
    body = [
      list('Next best action', [actionItem(shown[0], true)]),
      el(
        'button',
        { type: 'button', className: 'disclosure__toggle', 'aria-expanded': 'false', 'aria-controls': moreId, ...waiting },
        el('span', { className: 'disclosure__chevron', 'aria-hidden': 'true' }, '▸'),
        shown.length === 2 ? '1 more action' : `${shown.length - 1} more actions`,
      ),
      list(
        'More actions, in order',
        shown.slice(1).map((a) => actionItem(a, false)),
        { id: moreId, hidden: true, start: 2 },
      ),
    ];
  } else body = [list('Next best actions, most important first', [actionItem(shown[0], true)])];
  return el(
    'section',
    { className: 'card insights-card actions-card', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, 'Next best actions'),
    ...body,
    el('p', { className: 'visually-hidden', role: 'status' }),
    hidden.length > 0 && disclosure(`Dismissed or snoozed (${hidden.length})`, 'actions-hidden'),
  );
}

function now(view: AccountView): HTMLElement {
  const headingId = newId();
  const signals = view.insights.signals;
  const signal = signals[0];
  const next = nextCommitment(view);
  const overdue = next && shownStatus(next, view.asOf) === 'overdue';
  return el(
    'section',
    { className: 'card now', 'aria-labelledby': headingId },
    el('h2', { id: headingId, className: 'visually-hidden' }, 'Most urgent risk and next commitment'),
    el('h3', {}, 'Most urgent risk'),
    signal
      ? el(
          'div',
          { className: 'now__line', 'data-now': 'risk', 'data-top-signal-id': signal.id, 'data-level': signal.level },
          el(
            'span',
            { className: `badge level-badge level-badge--${signal.level}` },
            el('span', { 'aria-hidden': 'true' }, `${LEVEL_ICONS[signal.level]} `),
            LEVEL_LABELS[signal.level],
          ),
          el('span', { className: 'visually-hidden' }, ': '),
          ' ',
          el('strong', {}, signal.title),
          el('p', { className: 'now__detail muted' }, signal.detail, signals.length > 1 && ` (+${signals.length - 1} more below)`),
        )
      : el('p', { className: 'now__line muted', 'data-now': 'risk' }, 'No risk signals'),
    el('h3', {}, 'Next commitment'),
    next
      ? el(
          'div',
          {
            className: 'now__line',
            'data-now': 'commitment',
            'data-next-commitment-id': next.id,
            'data-status': overdue ? 'overdue' : 'open',
          },
          overdue
            ? el('span', { className: 'badge badge--red' }, 'Overdue')
            : el('span', { className: 'badge' }, next.owner === 'us' ? 'Ours' : 'Theirs'),
          ' ',
          el('span', { className: 'now__text' }, next.text),
          el('p', { className: 'now__detail muted' }, next.dueDate ? `Due ${spokenDate(next.dueDate, view.asOf)}` : 'No due date'),
        )
      : el('p', { className: 'now__line muted', 'data-now': 'commitment' }, 'Nothing open'),
  );
}

export interface FirstDrawOptions {
  /** The sidebar's collapse button: it tells the content script, as React's does. */
  onCollapse(): void;
}

/** Draws the matched account's first screen into `root` (the sidebar's #root), in place of what is there. */
export function drawFirstScreen(root: HTMLElement, view: AccountView, options: FirstDrawOptions): void {
  const collapse = el(
    'button',
    { type: 'button', className: 'button button--small button--quiet', 'aria-label': 'Collapse Glance sidebar' },
    '»',
  );
  collapse.addEventListener('click', () => options.onCollapse());
  root.replaceChildren(
    el(
      'div',
      { className: 'sidebar', 'data-match': 'matched', 'data-synced-at': view.sync?.at },
      el('div', { className: 'sidebar__bar' }, el('span', { className: 'sidebar__brand' }, 'Glance'), collapse),
      view.sync && syncedLine(view.sync),
      el(
        'article',
        { className: 'account', 'data-account-id': view.account.id },
        el('div', { className: 'first-screen' }, header(view), health(view), el('div', { id: 'actions' }, actions(view)), now(view)),
      ),
    ),
  );
}
