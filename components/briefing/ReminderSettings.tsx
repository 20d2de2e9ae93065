/** "Remind me N minutes before meetings": the one reminder setting, where the meetings are. */
import { useId } from 'react';
import { LEAD_MINUTE_CHOICES } from '@/lib/reminders/settings';
import { useReminderSettings, useSaveReminderSettings } from './reminder-hooks';

export function ReminderSettings() {
  const settings = useReminderSettings();
  const save = useSaveReminderSettings();
  const selectId = useId();
  if (!settings.data) return null;
  const { enabled, leadMinutes } = settings.data;
  const choices: number[] = [...LEAD_MINUTE_CHOICES];
  if (!choices.includes(leadMinutes)) choices.push(leadMinutes);
  choices.sort((a, b) => a - b);
  const value = enabled ? String(leadMinutes) : 'off';
  return (
    <div className="reminder-settings">
      <label htmlFor={selectId}>Meeting reminders</label>
      <select
        id={selectId}
        value={value}
        disabled={save.isPending}
        onChange={(e) =>
          save.mutate(e.target.value === 'off' ? { enabled: false, leadMinutes } : { enabled: true, leadMinutes: Number(e.target.value) })
        }
      >
        {choices.map((m) => (
          <option key={m} value={m}>
            {m} minutes before
          </option>
        ))}
        <option value="off">Off</option>
      </select>
      {save.isError && (
        <span className="error" role="alert">
          Not saved: {save.error.message}
        </span>
      )}
    </div>
  );
}
