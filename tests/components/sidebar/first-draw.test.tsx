import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DrawnFirst } from '@/entrypoints/sidebar/first-screen';
import type { AccountView } from '@/lib/account-view/types';
import type { PageContext } from '@/lib/hosts/types';
import type { Profile } from '@/lib/settings/profile';
import { makeSampleBook } from '@/lib/sample/book';
import { answer, backend, NOW, sampleView } from '../briefing/setup';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', async (importOriginal) => ({ ...(await importOriginal<object>()), call }));
// The sidebar's own roots, unmounted after each screen: left mounted, React's scheduler could still run
// after the test file's DOM is torn down (on a busy machine it did, 61 times).
const roots = vi.hoisted(() => [] as { unmount(): void }[]);
vi.mock('react-dom/client', async (importOriginal) => {
  const client = await importOriginal<typeof import('react-dom/client')>();
  return {
    ...client,
    createRoot: (...args: Parameters<typeof client.createRoot>) => {
      const made = client.createRoot(...args);
      roots.push(made);
      return made;
    },
  };
});
afterEach(() => act(() => roots.splice(0).forEach((r) => r.unmount())));

const context: PageContext = {
  host: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/1',
  threadId: '1',
  subject: 'Renewal',
  people: [{ name: 'Dana Whitfield', email: 'dana@acmerobotics.com' }],
};
const DARK_GMAIL = ['rgb(32, 33, 36)', 'rgba(0, 0, 0, 0)'];
const LIGHT_GMAIL = ['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'];

beforeEach(() => {
  vi.resetModules(); // a fresh sidebar (its query cache and page state) for each screen
  call.mockReset().mockImplementation(answer(backend()));
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'root' }));
  delete document.documentElement.dataset.theme;
});

const root = () => document.getElementById('root')!;

/**
 * What a reader, a test or the eye gets from a tree: elements, their attributes (sorted) and their words.
 * Ids are compared by what points at them (React makes its own), and aria-disabled is left out: the
 * screen drawn without React marks the controls it cannot run with it.
 */
function shape(node: Node, ids = new Map<string, string>()): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  const element = node as Element;
  const idOf = (value: string) => {
    if (!ids.has(value)) ids.set(value, `id${ids.size}`);
    return ids.get(value)!;
  };
  const attrs = [...element.attributes]
    .filter((a) => a.name !== 'aria-disabled')
    .map((a) =>
      ['id', 'aria-labelledby', 'aria-describedby', 'aria-controls'].includes(a.name)
        ? `${a.name}=${idOf(a.value)}`
        : `${a.name}=${JSON.stringify(a.value)}`,
    )
    .sort();
  const clone = element.cloneNode(true) as Element;
  clone.normalize(); // "Synced ", "3 min ago", " from": one run of words, however React splits it
  const children = [...clone.childNodes].map((child) => shape(child, ids));
  return `<${element.tagName.toLowerCase()} ${attrs.join(' ')}>${children.join('')}</>`;
}

/** The sidebar up to the end of its first screen (the sections below it load after, in React only). */
function firstScreen(): string {
  const clone = root().cloneNode(true) as HTMLElement;
  const screenEnd = clone.querySelector('.first-screen');
  while (screenEnd?.nextSibling) screenEnd.nextSibling.remove();
  return shape(clone);
}

async function drawPlain(view: AccountView, profile: Profile | undefined, backgrounds: string[] | null, onCollapse = () => undefined) {
  const first = await import('@/entrypoints/sidebar/first-draw');
  const hostTheme = first.hostThemeOf(backgrounds);
  first.drawFirst(view, profile, hostTheme, onCollapse);
  const drawn: DrawnFirst = {
    first: { context, match: { match: { status: 'matched', accountId: view.account.id, via: 'domain', reason: 'x' }, view } },
    hostTheme,
    ...(profile ? { profile } : {}),
  };
  return drawn;
}

async function takeOver(drawn: DrawnFirst) {
  const { drawSidebar } = await import('@/entrypoints/sidebar/first-screen');
  await act(async () =>
    drawSidebar({
      post: () => undefined,
      first: Promise.resolve({ match: drawn.first, ...(drawn.profile ? { profile: drawn.profile } : {}) }),
      session: Promise.resolve('key'),
      drawn,
    }),
  );
}

/** Draws without React, then lets React take over; both must show the same screen, in the same theme. */
async function expectSameScreen(view: AccountView, profile?: Profile, backgrounds: string[] | null = LIGHT_GMAIL) {
  const drawn = await drawPlain(view, profile, backgrounds);
  const plain = firstScreen();
  const plainTheme = document.documentElement.dataset.theme;
  expect(root().querySelector(`[data-match="matched"] [data-account-id="${view.account.id}"]`)).not.toBeNull();
  // Every control React wires is marked as waiting for it; collapsing works at once.
  const waiting = [...root().querySelectorAll('button')].filter((b) => b.getAttribute('aria-disabled') !== 'true');
  expect(waiting.map((b) => b.getAttribute('aria-label'))).toEqual(['Collapse Glance sidebar']);

  await takeOver(drawn);
  const rendered = root().querySelector('.first-screen');
  expect(rendered, 'React drew the matched account').not.toBeNull();
  expect(root().querySelector('[aria-disabled]')).toBeNull();
  expect(firstScreen()).toBe(plain);
  expect(document.documentElement.dataset.theme).toBe(plainTheme);
}

const sampleIds = makeSampleBook(NOW).accounts.map((a) => a.id);

describe('the sidebar’s first screen, drawn before React loads', () => {
  it.each(sampleIds)('is the screen React draws for %s (light host)', async (id) => {
    await expectSameScreen(sampleView(id), { theme: 'auto' } as Profile, LIGHT_GMAIL);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  // The theme changes no element: a few accounts tell that the dark one is kept.
  it.each(sampleIds.slice(0, 3))('is the screen React draws for %s (dark host)', async (id) => {
    await expectSameScreen(sampleView(id), { theme: 'auto' } as Profile, DARK_GMAIL);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('takes the theme chosen in Options over the host’s, and follows the system with neither', async () => {
    await expectSameScreen(sampleView('sample-acme'), { theme: 'dark' } as Profile, LIGHT_GMAIL);
    expect(document.documentElement.dataset.theme).toBe('dark');
    vi.resetModules();
    document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'root' }));
    await expectSameScreen(sampleView('sample-acme'), undefined, null);
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  const acme = sampleView('sample-acme');
  const variants: [string, AccountView][] = [
    [
      'synced from HubSpot, linked',
      { ...acme, sync: { source: 'hubspot', at: '2026-03-10T15:00:00Z', crmId: '9001', url: 'https://app.hubspot.com/x' } },
    ],
    ['synced from Salesforce, unlinked', { ...acme, sync: { source: 'salesforce', at: '2026-03-09T15:00:00Z', crmId: '001' } }],
    [
      'with no actions, signals or commitments',
      {
        ...acme,
        commitments: [],
        insights: { ...acme.insights, signals: [], actions: { top: null, more: [], ranked: [], hidden: [] } },
      } as AccountView,
    ],
    [
      'with one action and hidden ones',
      {
        ...acme,
        insights: {
          ...acme.insights,
          actions: {
            top: acme.insights.actions.top,
            more: [],
            ranked: [acme.insights.actions.top!],
            hidden: [{ ...acme.insights.actions.top!, hiddenUntil: '2026-03-17T00:00:00Z' }],
          },
        },
      } as AccountView,
    ],
    [
      'with no health data and no facts',
      sampleView('sample-acme', NOW, (data) => ({
        ...data,
        account: { ...data.account, arr: undefined, renewalDate: undefined, tier: undefined },
        usage: [],
        tickets: [],
        activities: [],
        contacts: [],
      })),
    ],
  ];
  it.each(variants)('is the screen React draws %s', async (_, view) => {
    await expectSameScreen(view);
  });

  it('collapses at once, and the control that had the focus keeps it when React takes over', async () => {
    const user = userEvent.setup();
    const onCollapse = vi.fn();
    const drawn = await drawPlain(acme, undefined, LIGHT_GMAIL, onCollapse);
    await user.click(screen.getByRole('button', { name: 'Collapse Glance sidebar' }));
    expect(onCollapse).toHaveBeenCalledOnce();
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    await user.keyboard('{Enter}'); // nothing happens until React runs it
    expect(call).not.toHaveBeenCalledWith('action.snooze', expect.anything());
    await takeOver(drawn);
    const reactDismiss = screen.getByRole('button', { name: 'Dismiss' });
    expect(reactDismiss).not.toBe(dismiss);
    expect(reactDismiss).toHaveFocus();
    expect(reactDismiss).toHaveAccessibleDescription(acme.insights.actions.top!.title);
  });
});
