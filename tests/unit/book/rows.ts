/** Book rows for tests: a quiet, healthy account unless the test says otherwise. */
import type { AccountInsight } from '../../../lib/insights/summary';

export const NOW_MS = Date.parse('2026-11-05T10:00:00.000Z');

export function row(id: string, over: Partial<AccountInsight> = {}): AccountInsight {
  return {
    accountId: id,
    name: id,
    domains: [`${id}.com`],
    owner: 'casey@northpeak.io',
    renewalInDays: null,
    band: 'green',
    score: 85,
    trend: 0,
    topAction: { id: 'keep-cadence', title: 'Keep the cadence', reason: 'Nothing above applies' },
    topActionPriority: 9,
    riskCount: 0,
    signalIds: [],
    overdueCount: 0,
    lastTouch: '2026-11-01T10:00:00.000Z',
    expansionReady: false,
    championDeparted: false,
    dueCommitments: [],
    ...over,
  };
}
