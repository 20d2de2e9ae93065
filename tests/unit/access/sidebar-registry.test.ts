/**
 * The registry keeps each tab's registration in this worker's memory and in session storage: a
 * worker that restarts still knows the sidebars already open, and a token is spent once either way.
 */
import { describe, expect, it } from 'vitest';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import { memoryStorage } from '../service/harness';

const FRAME = { tabId: 4, frameId: 7, documentId: 'doc-1' };

describe('SidebarRegistry', () => {
  it('keeps a redeemed key for the sidebar after the service worker restarts', async () => {
    const storage = memoryStorage();
    const before = new SidebarRegistry(storage);
    const token = await before.register(FRAME.tabId);
    const redeemed = await before.redeem(token, FRAME);
    await redeemed!.saved;

    const restarted = new SidebarRegistry(storage);
    expect(await restarted.isRegistered(redeemed!.session, FRAME)).toBe(true);
    expect(await restarted.isRegistered(redeemed!.session, { ...FRAME, frameId: 8 })).toBe(false);
    // The token was spent before the restart: the new worker does not take it again.
    expect(await restarted.redeem(token, FRAME)).toBeNull();
  });

  it('answers from memory at once, before the key is saved', async () => {
    const stored = memoryStorage();
    let holdWrites = false;
    let release = () => undefined as void;
    const storage = {
      ...stored,
      set: (key: string, value: unknown) =>
        holdWrites ? new Promise<void>((resolve) => (release = () => void stored.set(key, value).then(resolve))) : stored.set(key, value),
    };
    const registry = new SidebarRegistry(storage);
    const token = await registry.register(FRAME.tabId);
    holdWrites = true;
    const redeemed = await registry.redeem(token, FRAME);
    expect(await registry.isRegistered(redeemed!.session, FRAME)).toBe(true);
    let saved = false;
    void redeemed!.saved.then(() => (saved = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saved).toBe(false);
    release();
    await redeemed!.saved;
    expect(await new SidebarRegistry(stored).isRegistered(redeemed!.session, FRAME)).toBe(true);
  });

  it('forgets a closed tab in memory and in storage', async () => {
    const storage = memoryStorage();
    const registry = new SidebarRegistry(storage);
    const redeemed = await registry.redeem(await registry.register(FRAME.tabId), FRAME);
    await registry.forgetTab(FRAME.tabId);
    expect(await registry.isRegistered(redeemed!.session, FRAME)).toBe(false);
    expect(await new SidebarRegistry(storage).isRegistered(redeemed!.session, FRAME)).toBe(false);
  });
});
