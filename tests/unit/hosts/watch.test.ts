import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { watchPage } from '../../../lib/sidebar-frame/watch';

const list = (url: string): PageContext => ({ host: 'gmail', kind: 'list', url });

describe('watchPage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a new context right after a navigation, and nothing when the page did not change', async () => {
    let url = 'https://mail.google.com/mail/u/0/#inbox';
    const seen: (PageContext | null)[] = [];
    const watch = watchPage(
      window,
      () => list(url),
      () => false,
      (c) => seen.push(c),
    );
    watch.check();
    expect(seen).toHaveLength(1);

    url = 'https://mail.google.com/mail/u/0/#starred';
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.map((c) => c?.url)).toEqual(['https://mail.google.com/mail/u/0/#inbox', url]);

    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toHaveLength(2);
    watch.stop();
  });

  it('reads DOM changes at once just after a navigation, and at a calmer pace the rest of the time', async () => {
    let reads = 0;
    let label = 'a';
    const watch = watchPage(
      window,
      () => (reads++, list(label)),
      () => false,
      () => undefined,
    );
    // Long after any navigation: a DOM change waits for the lazy read.
    vi.advanceTimersByTime(10_000);
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(0);
    // A navigation while that lazy read is pending brings it forward.
    label = 'b';
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(1);
    // Now the thread is being drawn: each change is read straight away.
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(2);
    watch.stop();
  });

  it("does not read the page again for the sidebar's own elements coming, changing or going", async () => {
    let reads = 0;
    const ours = document.createElement('glance-sidebar');
    const style = document.createElement('style');
    const isOwn = (node: Node) => node === ours || node === style || node.parentNode === style;
    const watch = watchPage(
      window,
      () => (reads++, list('a')),
      isOwn,
      () => undefined,
    );
    document.head.append(style);
    document.documentElement.append(ours);
    style.textContent = 'html{margin-right:28px !important}';
    ours.remove();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(0);
    // The page's own change in the same moment is still read.
    document.documentElement.append(ours);
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
    watch.stop();
  });
});
