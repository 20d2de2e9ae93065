/** The reminder preference: whether to be reminded of meetings, and how many minutes before. */
import { z } from '../schema/zod';

export const reminderSettingsSchema = z.object({
  enabled: z.boolean(),
  /** A day at most: a reminder further ahead is no longer "before the call". */
  leadMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({ enabled: true, leadMinutes: 10 });

/** The choices offered in the popup; any whole number of minutes in range is accepted from the API. */
export const LEAD_MINUTE_CHOICES = [5, 10, 15, 30, 60] as const;

/** A stored value that no longer validates falls back to the defaults rather than silencing reminders. */
export function readReminderSettings(value: unknown): ReminderSettings {
  const parsed = reminderSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : { ...DEFAULT_REMINDER_SETTINGS };
}
