export * from './schedule';
export * from './settings';
export {
  createReminders,
  briefingPath,
  reminderTitle,
  FIRED_KEY,
  BRIEFING_WINDOW,
  type Reminders,
  type ReminderDeps,
  type ReminderBrowser,
} from './wire';
