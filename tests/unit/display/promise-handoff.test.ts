import { describe, expect, it } from 'vitest';
import { createHandoffReceiver, createPromiseHandoff, HANDOFF_TTL_MS } from '../../../lib/display/promise-handoff';

const SEED = { text: "We'll send the security questionnaire by Friday.", sentAt: '2025-03-11T16:40:00' };

function handoffAt(clock: { now: number }) {
  let n = 0;
  return createPromiseHandoff(
    () => `seed-${++n}`,
    () => clock.now,
  );
}

describe('a promise logged while the side panel is opening', () => {
  it('waits in the tab until the panel, once ready, asks for it, and is handed over once', () => {
    const tab = handoffAt({ now: 0 });
    const sent = tab.offer(SEED);
    // The message went nowhere (no panel listening yet): nothing confirmed it.
    expect(tab.take()).toEqual({ id: sent.id, seed: SEED });
    expect(tab.take()).toBeNull();
  });

  it('is no longer kept once the panel confirmed the message', () => {
    const tab = handoffAt({ now: 0 });
    const sent = tab.offer(SEED);
    tab.delivered(sent.id);
    expect(tab.take()).toBeNull();
  });

  it('keeps the newest when a second is logged before the panel is ready, and a late confirmation of the first does not drop it', () => {
    const tab = handoffAt({ now: 0 });
    const first = tab.offer({ text: 'first' });
    const second = tab.offer(SEED);
    tab.delivered(first.id);
    expect(tab.take()).toEqual({ id: second.id, seed: SEED });
  });

  it('is not opened as a surprise by a panel opened long after', () => {
    const clock = { now: 0 };
    const tab = handoffAt(clock);
    tab.offer(SEED);
    clock.now = HANDOFF_TTL_MS + 1;
    expect(tab.take()).toBeNull();
  });

  it('opens the form once in the panel when both the message and the answer to its request arrive', () => {
    const tab = handoffAt({ now: 0 });
    const panel = createHandoffReceiver();
    const sent = tab.offer(SEED);
    const taken = tab.take()!;
    expect(panel.accept(taken.id)).toBe(true);
    expect(panel.accept(sent.id)).toBe(false);
  });
});
