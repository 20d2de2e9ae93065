import { describe, it, expect } from 'vitest';
import type { AccountData } from '../../../lib/model/bundle';
import { evaluateSignals } from '../../../lib/signals';
import { NOW, S, ago, ahead, champion, data, meeting, ticket, tickets, usageWeeks } from './build';

const signals = (d: AccountData) => evaluateSignals(d, NOW, S);
const ids = (d: AccountData) => signals(d).map((s) => s.id);
const one = (d: AccountData, id: string) => signals(d).find((s) => s.id === id);

describe('risk signals', () => {
  it('usage drop: more than 30% week over week; 30% exactly is no signal', () => {
    expect(ids(data({ usage: usageWeeks(7, 10) }))).not.toContain('usage-drop');
    expect(one(data({ usage: usageWeeks(6, 10) }), 'usage-drop')).toMatchObject({
      level: 'yellow',
      detail: 'Logins down 40% week over week: 6 in the last 7 days, 10 the 7 before',
    });
    expect(ids(data({ usage: usageWeeks(0, 0) }))).not.toContain('usage-drop');
  });

  it('usage drop counts [0, 7) and [7, 14) day windows', () => {
    const usage = [
      { accountId: 'acc-1', date: ago(7), logins: 10 },
      { accountId: 'acc-1', date: ago(6.9), logins: 6 },
      { accountId: 'acc-1', date: ago(14), logins: 100 },
    ];
    expect(one(data({ usage }), 'usage-drop')?.detail).toContain('6 in the last 7 days, 10 the 7 before');
  });

  it('NPS drop: latest 3+ below the one before, by date not list position', () => {
    const nps = [
      { date: '2025-06-01', score: 6 },
      { date: '2025-01-01', score: 10 },
      { date: '2025-03-01', score: 9 },
    ];
    expect(one(data({ account: { nps } }), 'nps-drop')).toMatchObject({
      level: 'orange',
      // Dates in the one date style of every view, never as ISO.
      detail: 'NPS fell from 9 (Sat, Mar 1) to 6 (Sun, Jun 1)',
    });
    const small = [
      { date: '2025-03-01', score: 9 },
      { date: '2025-06-01', score: 7 },
    ];
    expect(ids(data({ account: { nps: small } }))).not.toContain('nps-drop');
  });

  it('NPS passive (7-8) is yellow, detractor (0-6) orange, promoter nothing', () => {
    const at = (score: number) => data({ account: { nps: [{ date: '2025-06-01', score }] } });
    expect(one(at(8), 'nps-passive')?.level).toBe('yellow');
    expect(one(at(7), 'nps-passive')?.level).toBe('yellow');
    expect(one(at(6), 'nps-detractor')?.level).toBe('orange');
    expect(ids(at(9))).toEqual([]);
  });

  it('ticket spike: more than 10 opened in the last 30 days, open or closed', () => {
    expect(ids(data({ tickets: tickets(10, { status: 'closed' }) }))).not.toContain('ticket-spike');
    const eleven = [...tickets(10, { status: 'closed' }), ticket({ openedAt: ago(30), status: 'closed' })];
    expect(one(data({ tickets: eleven }), 'ticket-spike')).toMatchObject({
      level: 'red',
      detail: '11 support tickets opened in the last 30 days',
    });
    const old = [...tickets(10, { status: 'closed' }), ticket({ openedAt: ago(31), status: 'closed' })];
    expect(ids(data({ tickets: old }))).not.toContain('ticket-spike');
  });

  it('P1/P2 open is red; closed or lower priority is not', () => {
    expect(one(data({ tickets: [ticket({ priority: 'P2', subject: 'Sync down' })] }), 'p1-p2-open')).toMatchObject({
      level: 'red',
      detail: 'Open: P2 "Sync down"',
    });
    expect(ids(data({ tickets: [ticket({ priority: 'P1', status: 'closed' }), ticket({ priority: 'P3' })] }))).toEqual([]);
  });

  it('champion dark: active champion silent 10+ days; a departed one is never dark', () => {
    expect(one(data({ contacts: [champion({ lastResponseAt: ago(10) })] }), 'champion-dark')).toMatchObject({
      level: 'yellow',
      detail: 'Dana Whitfield (champion) last responded 10 days ago',
    });
    expect(ids(data({ contacts: [champion({ lastResponseAt: ago(9.9) })] }))).toEqual([]);
    expect(ids(data({ contacts: [champion({ role: 'user', lastResponseAt: ago(30) })] }))).toEqual([]);
    const departed = champion({ status: 'departed', departedAt: ago(5), lastResponseAt: ago(40) });
    expect(ids(data({ contacts: [departed] }))).toEqual(['champion-departure']);
  });

  it('champion departure is escalation level and ranks first', () => {
    const d = data({
      contacts: [champion({ status: 'departed', departedAt: ago(5) })],
      tickets: [ticket({ priority: 'P1' })],
      account: { invoice: { status: 'late', daysLate: 20 } },
    });
    expect(signals(d).map((s) => s.level)).toEqual(['escalation', 'red', 'yellow']);
    expect(signals(d)[0].detail).toBe('Dana Whitfield (champion) departed 5 days ago');
  });

  it('missed meetings: the latest run of past recorded meetings ends in 2+ misses', () => {
    expect(ids(data({ activities: [meeting(30, true), meeting(20, false), meeting(10, false)] }))).toContain('missed-meetings');
    expect(one(data({ activities: [meeting(30, true), meeting(20, false), meeting(10, false)] }), 'missed-meetings')?.detail).toBe(
      '2 scheduled meetings missed in a row, the last on Thu, Jun 5',
    );
    // List order does not matter: ordered by date.
    expect(ids(data({ activities: [meeting(10, false), meeting(30, true), meeting(20, false)] }))).toContain('missed-meetings');
    expect(ids(data({ activities: [meeting(30, false), meeting(20, false), meeting(10, true)] }))).not.toContain('missed-meetings');
    expect(ids(data({ activities: [meeting(30, false), meeting(20, true), meeting(10, false)] }))).not.toContain('missed-meetings');
    // Unrecorded and upcoming meetings are ignored.
    const ignored = [meeting(30, false), meeting(20), meeting(10, false), { ...meeting(0, true), date: ahead(3) }];
    expect(ids(data({ activities: ignored }))).toContain('missed-meetings');
  });

  it('late invoice: more than 15 days late; 15 exactly is no signal', () => {
    expect(ids(data({ account: { invoice: { status: 'late', daysLate: 15 } } }))).toEqual([]);
    expect(one(data({ account: { invoice: { status: 'late', daysLate: 16 } } }), 'late-invoice')?.level).toBe('yellow');
  });

  it('org change: layoffs, merger or acquisition in the last 90 days', () => {
    const ev = (type: 'layoffs' | 'merger' | 'acquisition' | 'new-team', days: number) =>
      data({ account: { events: [{ date: ago(days), type }] } });
    expect(one(ev('layoffs', 90), 'org-change')?.level).toBe('orange');
    expect(one(ev('merger', 10), 'org-change')?.level).toBe('orange');
    expect(one(ev('acquisition', 10), 'org-change')?.level).toBe('orange');
    expect(ids(ev('layoffs', 91))).toEqual([]);
    expect(one(ev('layoffs', 3), 'org-change')?.detail).toBe('Layoffs recorded 3 days ago');
    expect(one(ev('merger', 40), 'org-change')?.detail).toBe('Merger recorded on Tue, May 6');
    expect(ids(ev('new-team', 10))).toEqual([]);
  });
});
