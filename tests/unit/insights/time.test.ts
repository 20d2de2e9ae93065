import { describe, it, expect } from 'vitest';
import { ageInDays, calendarDaysUntil, daysBetween, isBeforeToday, isInLastDays, isWithinNextDays, toMs } from '../../../lib/time';
import { NOW, ago, ahead } from './build';

describe('time rules', () => {
  it('reads a date-only value as 00:00 UTC and a zoneless timestamp as UTC', () => {
    expect(toMs('2025-06-15')).toBe(Date.UTC(2025, 5, 15));
    expect(toMs('2025-06-15T10:00:00')).toBe(Date.UTC(2025, 5, 15, 10));
    expect(toMs('2025-06-15T10:00:00+02:00')).toBe(Date.UTC(2025, 5, 15, 8));
  });

  it('counts elapsed days as milliseconds / 86,400,000', () => {
    expect(daysBetween('2025-06-14', NOW)).toBe(1.5);
    expect(ageInDays(ago(10), NOW)).toBe(10);
  });

  it('"within N days" of a future date means 0 <= days to go <= N', () => {
    expect(isWithinNextDays(ahead(90), NOW, 90)).toBe(true);
    expect(isWithinNextDays(ahead(90.01), NOW, 90)).toBe(false);
    expect(isWithinNextDays(ahead(0), NOW, 90)).toBe(true);
    expect(isWithinNextDays(ago(0.01), NOW, 90)).toBe(false);
  });

  it('"in the last N days" means age <= N', () => {
    expect(isInLastDays(ago(30), NOW, 30)).toBe(true);
    expect(isInLastDays(ago(30.01), NOW, 30)).toBe(false);
  });

  it('"before today" is before 00:00 UTC of the day of now', () => {
    expect(isBeforeToday('2025-06-15', NOW)).toBe(false);
    expect(isBeforeToday('2025-06-14', NOW)).toBe(true);
    expect(isBeforeToday('2025-06-14T23:59:59Z', NOW)).toBe(true);
  });

  it('counts calendar days to a date for display', () => {
    expect(calendarDaysUntil('2025-06-15', NOW)).toBe(0);
    expect(calendarDaysUntil('2025-06-25', NOW)).toBe(10);
  });
});
