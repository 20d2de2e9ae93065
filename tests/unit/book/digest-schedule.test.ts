import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { DIGEST_ALARM, nextDigestAt, type DigestSettings } from '../../../lib/book/digest-settings';
import { createDigest, type DigestBrowser } from '../../../lib/digest/wire';

const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('when the daily digest comes', () => {
  it('comes today at the chosen hour when that hour is still ahead, else tomorrow', () => {
    expect(nextDigestAt(at(2026, 11, 5, 6, 30), 8)).toBe(at(2026, 11, 5, 8).getTime());
    expect(nextDigestAt(at(2026, 11, 5, 8, 0), 8)).toBe(at(2026, 11, 6, 8).getTime());
    expect(nextDigestAt(at(2026, 11, 30, 21), 7)).toBe(at(2026, 12, 1, 7).getTime());
  });

  it('keeps one daily alarm at the chosen hour, and none when the digest is off', async () => {
    fakeBrowser.reset();
    let settings: DigestSettings = { enabled: true, hour: 7 };
    const digest = createDigest({
      browser: fakeBrowser as unknown as DigestBrowser,
      loadSettings: async () => settings,
      build: async () => ({ turnedRed: [], newSignals: [], overdue: 0, dueThisWeek: 0, title: 't', message: 'm' }),
      now: () => at(2026, 11, 5, 9),
    });
    await digest.schedule();
    const alarm = await fakeBrowser.alarms.get(DIGEST_ALARM);
    expect(alarm?.scheduledTime).toBe(at(2026, 11, 6, 7).getTime());
    expect(alarm?.periodInMinutes).toBe(1440);
    settings = { enabled: false, hour: 7 };
    await digest.schedule();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });
});
