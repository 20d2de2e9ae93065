import type { ChangeEvent } from '../../../lib/messages/protocol';
import { createMessageServer } from '../../../lib/messages/server';
import { makeSampleBook } from '../../../lib/sample/book';
import { createHandlers } from '../../../lib/service/handlers';
import { loadMeetingsForReminders, loadReminderSettings } from '../../../lib/service/reminders';
import { GlanceDB } from '../../../lib/store/db';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import { memoryStorage } from '../service/harness';
import { writeRecords } from '../../../lib/store/records';

const NOW = new Date('2026-03-10T15:20:00Z');
let n = 0;
let db: GlanceDB;
afterEach(() => db?.close());

function setup() {
  db = new GlanceDB(`glance-reminders-${++n}`);
  const events: ChangeEvent[] = [];
  const sidebars = new SidebarRegistry(memoryStorage());
  const handlers = createHandlers({ db, now: () => NOW, broadcast: (e) => events.push(e), sidebars });
  const server = createMessageServer(handlers, { extensionId: 'ext', isGlanceHost: () => true, sidebars });
  const ask = (type: string, payload: unknown) =>
    server({ glance: 'request', type, payload }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
  return { handlers, events, ask };
}

describe('reminder settings over the message API', () => {
  it('answer ten minutes by default, save a new lead time and tell open pages and the background', async () => {
    const { ask, events } = setup();
    await expect(ask('reminders.get', {})).resolves.toEqual({ ok: true, data: { enabled: true, leadMinutes: 10 } });
    await expect(ask('reminders.save', { settings: { enabled: true, leadMinutes: 30 } })).resolves.toEqual({
      ok: true,
      data: { enabled: true, leadMinutes: 30 },
    });
    await expect(loadReminderSettings(db)).resolves.toEqual({ enabled: true, leadMinutes: 30 });
    expect(events.map((e) => e.topics)).toEqual([['settings']]);
  });

  it('refuse a lead time out of range', async () => {
    const { ask } = setup();
    const reply = await ask('reminders.save', { settings: { enabled: true, leadMinutes: 0 } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Bad "reminders.save" request: settings.leadMinutes/) });
    await expect(loadReminderSettings(db)).resolves.toEqual({ enabled: true, leadMinutes: 10 });
  });
});

describe('loadMeetingsForReminders', () => {
  it('lists the meetings of every account from now to the look-ahead, with account names', async () => {
    setup();
    const { format: _f, version: _v, generatedAt: _g, ...records } = makeSampleBook(NOW);
    await writeRecords(db, records, { at: NOW.toISOString(), source: 'sample', name: 'Sample book', rejected: 0 });
    const meetings = await loadMeetingsForReminders(db, NOW, 2);
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings) {
      const ms = Date.parse(m.date);
      expect(ms).toBeGreaterThan(NOW.getTime());
      expect(ms).toBeLessThanOrEqual(NOW.getTime() + 2 * 86_400_000);
    }
    expect(meetings.filter((m) => m.accountId === 'sample-acme')).toEqual([
      expect.objectContaining({
        activityId: 'sample-acme-a18',
        accountName: 'Acme Robotics',
        summary: 'Recovery check-in: fleet-sync outage',
      }),
      expect.objectContaining({ activityId: 'sample-acme-a19' }),
    ]);
  });

  it('judges meeting times as instants, whatever zone offset they were written with', async () => {
    setup();
    const meetings = [
      // 16:00Z, after now, though it sorts before now as a string.
      { id: 'm-offset', accountId: 'acc', type: 'meeting' as const, date: '2026-03-10T11:00:00-05:00' },
      // 14:00Z, before now, though it sorts after now as a string.
      { id: 'm-past', accountId: 'acc', type: 'meeting' as const, date: '2026-03-10T16:00:00+02:00' },
      { id: 'm-call', accountId: 'acc', type: 'call' as const, date: '2026-03-10T18:00:00Z' },
    ];
    await writeRecords(
      db,
      { accounts: [{ id: 'acc', name: 'Zone Co' }], activities: meetings },
      { at: NOW.toISOString(), source: 'file', name: 'z', rejected: 0 },
    );
    expect((await loadMeetingsForReminders(db, NOW, 1)).map((m) => m.activityId)).toEqual(['m-offset']);
  });
});
