/** The daily digest preference: on or off, and the hour (local time) it arrives. */
import { z } from '../schema/zod';

export const digestSettingsSchema = z.object({
  enabled: z.boolean(),
  hour: z.number().int().min(0).max(23),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const DEFAULT_DIGEST_SETTINGS: Readonly<DigestSettings> = Object.freeze({ enabled: true, hour: 8 });

export function readDigestSettings(value: unknown): DigestSettings {
  const parsed = digestSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : { ...DEFAULT_DIGEST_SETTINGS };
}

export const DIGEST_ALARM = 'glance-digest';
export const MINUTES_PER_DAY = 24 * 60;

/** The next time the local clock shows `hour`:00, strictly after now. */
export function nextDigestAt(now: Date, hour: number): number {
  const at = new Date(now.getTime());
  at.setHours(hour, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.getTime();
}
