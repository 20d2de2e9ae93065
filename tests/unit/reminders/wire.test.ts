import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeEvent } from '../../../lib/messages/server';
import { REMINDER_ICON } from '../../../lib/reminders/icon';
import { parseReminderName, REFRESH_ALARM, reminderName, type ReminderMeeting } from '../../../lib/reminders/schedule';
import type { ReminderSettings } from '../../../lib/reminders/settings';
import { BRIEFING_WINDOW, createReminders, FIRED_KEY, type ReminderBrowser } from '../../../lib/reminders/wire';

const NOW = Date.parse('2026-03-10T15:20:00Z');
const MIN = 60_000;

const acme = (minutes: number, over: Partial<ReminderMeeting> = {}): ReminderMeeting => ({
  activityId: 'sample-acme-a18',
  accountId: 'sample-acme',
  accountName: 'Acme Robotics',
  date: new Date(NOW + minutes * MIN).toISOString(),
  summary: 'Recovery check-in: fleet-sync outage',
  ...over,
});

function setup(initial: ReminderMeeting[] = [acme(120)], settings: ReminderSettings = { enabled: true, leadMinutes: 10 }) {
  const state = { meetings: initial, settings, now: NOW };
  const errors: unknown[] = [];
  const reminders = createReminders({
    browser: fakeBrowser as unknown as ReminderBrowser,
    loadMeetings: async () => state.meetings,
    loadSettings: async () => state.settings,
    now: () => state.now,
    onError: (e) => errors.push(e),
  });
  return { state, reminders, errors };
}

const reminderAlarms = async () => (await fakeBrowser.alarms.getAll()).filter((a) => parseReminderName(a.name));
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('createReminders', () => {
  it('schedules a reminder the lead time before each meeting, and a periodic refresh', async () => {
    const { reminders } = setup([acme(120), acme(15, { activityId: 'soon' })]);
    await reminders.reschedule();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.find((a) => a.name === REFRESH_ALARM)?.periodInMinutes).toBeGreaterThan(0);
    expect((await reminderAlarms()).map((a) => a.scheduledTime).sort()).toEqual([NOW + 5 * MIN, NOW + 110 * MIN]);
  });

  it('re-plans on install, on startup and when records or settings change, not on other writes', async () => {
    const { state, reminders } = setup([]);
    reminders.start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(await reminderAlarms()).toHaveLength(0);

    state.meetings = [acme(60)];
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await reminderAlarms()).toHaveLength(1);

    state.settings = { enabled: true, leadMinutes: 30 };
    reminders.onChange(changeEvent(['commitments'], ['sample-acme']));
    await settle();
    expect((await reminderAlarms())[0].scheduledTime).toBe(NOW + 50 * MIN);
    reminders.onChange(changeEvent(['settings']));
    await settle();
    await settle();
    expect((await reminderAlarms())[0].scheduledTime).toBe(NOW + 30 * MIN);

    state.meetings = [];
    reminders.onChange(changeEvent(['records']));
    await settle();
    await settle();
    expect(await reminderAlarms()).toHaveLength(0);
  });

  it('clears every reminder when reminders are turned off', async () => {
    const { state, reminders } = setup();
    await reminders.reschedule();
    state.settings = { enabled: false, leadMinutes: 10 };
    await reminders.reschedule();
    expect(await reminderAlarms()).toEqual([]);
  });

  it('shows a notification when the alarm fires, once', async () => {
    const { state, reminders } = setup([acme(15)]);
    reminders.start();
    await reminders.reschedule();
    const [alarm] = await reminderAlarms();
    state.now = alarm.scheduledTime;
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await settle();
    await settle();
    const shown = fakeBrowser.notifications.getAllCreateOptions();
    expect(shown[alarm.name]).toMatchObject({
      type: 'basic',
      iconUrl: REMINDER_ICON,
      title: 'Acme Robotics: meeting in 10 min',
      contextMessage: 'Click for the pre-call briefing',
    });
    expect(shown[alarm.name].message).toMatch(/^Recovery check-in: fleet-sync outage at \d{1,2}:\d{2} [AP]M$/);
    expect((await fakeBrowser.storage.local.get(FIRED_KEY))[FIRED_KEY]).toEqual([alarm.name]);
    // Still inside the lead time: a later re-plan must not remind again.
    await reminders.reschedule();
    expect(await reminderAlarms()).toEqual([]);
  });

  it('says nothing for a meeting that was deleted, moved or has already begun', async () => {
    const { state, reminders } = setup([acme(15)]);
    const name = reminderName({ accountId: 'sample-acme', activityId: 'sample-acme-a18', startMs: NOW + 15 * MIN });
    state.meetings = [acme(45)];
    expect(await reminders.notify(name)).toBeNull();
    state.meetings = [];
    expect(await reminders.notify(name)).toBeNull();
    state.meetings = [acme(15)];
    state.now = NOW + 16 * MIN;
    expect(await reminders.notify(name)).toBeNull();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('opens the account briefing in a window when the notification is clicked', async () => {
    const { reminders } = setup([acme(5)]);
    reminders.start();
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const name = reminderName({ accountId: 'sample acme', activityId: 'x', startMs: NOW + 5 * MIN });
    await fakeBrowser.notifications.create(name, { type: 'basic', iconUrl: REMINDER_ICON, title: 't', message: 'm' });
    await fakeBrowser.notifications.onClicked.trigger(name);
    await settle();
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/popup.html?account=sample%20acme',
      type: 'popup',
      focused: true,
      ...BRIEFING_WINDOW,
    });
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('ignores other notifications and alarms, and reports a failing load', async () => {
    const { reminders, errors } = setup();
    reminders.start();
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await fakeBrowser.notifications.onClicked.trigger('something-else');
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'other', scheduledTime: NOW, persistAcrossSessions: false } as Parameters<
      typeof fakeBrowser.alarms.onAlarm.trigger
    >[0]);
    await settle();
    expect(create).not.toHaveBeenCalled();

    const failing = createReminders({
      browser: fakeBrowser as unknown as ReminderBrowser,
      loadMeetings: () => Promise.reject(new Error('store closed')),
      loadSettings: async () => ({ enabled: true, leadMinutes: 10 }),
      onError: (e) => errors.push(e),
    });
    failing.onChange(changeEvent(['records']));
    await settle();
    await settle();
    expect(errors.map((e) => (e as Error).message)).toEqual(['store closed']);
  });
});
