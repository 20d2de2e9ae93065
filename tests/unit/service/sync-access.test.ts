import type { Runtime } from 'webextension-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { mayAsk } from '../../../lib/access/roles';
import { api, type RequestType } from '../../../lib/messages/protocol';
import { createMessageServer } from '../../../lib/messages/server';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import type { GlanceDB } from '../../../lib/store/db';
import { FakeCrm } from '../sync/fake-crm';
import { startSyncService } from '../sync/setup';
import { memoryStorage } from './harness';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const EXTENSION_ID = 'test-extension-id';
const fromOptionsPage: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/options.html`,
  tab: { id: 9 } as Runtime.MessageSender['tab'],
  frameId: 0,
};
const fromSidebarTab: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/sidebar.html?account=a`,
  tab: { id: 9 } as Runtime.MessageSender['tab'],
  frameId: 0,
};
const fromContentScript: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: { id: 4 } as Runtime.MessageSender['tab'],
  frameId: 0,
};
const request = (type: string, payload: unknown = {}) => ({ glance: 'request', type, payload });

async function connectedService() {
  const crm = new FakeCrm();
  crm.company(1, 'Acme');
  const s = startSyncService({ connectors: { hubspot: () => crm.connector() } });
  open.push(s.db);
  await s.connectHubSpot(TOKEN);
  const listen = createMessageServer(s.handlers, {
    extensionId: EXTENSION_ID,
    isGlanceHost: (url) => url.hostname === 'mail.google.com',
    sidebars: new SidebarRegistry(memoryStorage()),
  });
  return { s, listen };
}

describe('CRM credentials and the sync requests', () => {
  it('sync.* is for Glance’s own pages only: a sidebar or a content script is refused', async () => {
    const syncRequests = Object.keys(api).filter((t) => t.startsWith('sync.')) as RequestType[];
    expect(syncRequests.length).toBeGreaterThanOrEqual(6);
    for (const type of syncRequests) {
      expect(mayAsk('page', type)).toBe(true);
      expect(mayAsk('sidebar', type)).toBe(false);
      expect(mayAsk('content', type)).toBe(false);
    }
    const { listen } = await connectedService();
    expect(await listen(request('sync.status'), fromSidebarTab)).toEqual({
      ok: false,
      error: 'Refused: "sync.status" is not for the sidebar.',
    });
    expect(await listen(request('sync.status'), fromContentScript)).toEqual({
      ok: false,
      error: 'Refused: "sync.status" is not for the content script.',
    });
  });

  it('no answer carries the token: status, connect, configure, the store summary and the export', async () => {
    const { s, listen } = await connectedService();
    // It is stored, in the background's IndexedDB, and used.
    expect(JSON.stringify(await s.db.settings.toArray())).toContain(TOKEN);
    const answers = [
      await listen(request('sync.status'), fromOptionsPage),
      await listen(request('sync.configure', { source: 'hubspot', herBook: false }), fromOptionsPage),
      await listen(request('store.summary'), fromOptionsPage),
      await listen(request('export.begin'), fromOptionsPage),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    const { exportId } = (answers[3] as { data: { exportId: string } }).data;
    for (const type of ['accounts', 'contacts', 'usage', 'tickets', 'commitments', 'activities'])
      answers.push(await listen(request('export.page', { exportId, type }), fromOptionsPage));
    expect(JSON.stringify(answers)).not.toContain(TOKEN);
    expect(JSON.stringify(answers)).not.toMatch(/accessToken|refreshToken/);
    // Exported accounts carry no sync bookkeeping either.
    expect(JSON.stringify(answers[4])).not.toContain('_synced');
  });

  it('says which permission is missing when the browser did not grant api.hubapi.com', async () => {
    const s = startSyncService({ connectors: { hubspot: () => new FakeCrm().connector() }, granted: [] });
    open.push(s.db);
    await expect(s.run('sync.connect', { source: 'hubspot', accessToken: TOKEN })).rejects.toThrow(
      /Glance may not reach https:\/\/api\.hubapi\.com yet: allow it when the browser asks/,
    );
    expect((await s.source('hubspot')).state).toBe('disconnected');
  });
});
