/** The renewal stage in one line under the header; the stage's checklist stays in the renewal card. */
import type { RenewalStatus } from '@/lib/insights';

export function RenewalStage({ renewal }: { renewal: RenewalStatus | null }) {
  if (!renewal) return null;
  const breached = renewal.ninetyDayRule.breached;
  return (
    <p className="briefing-stage" data-renewal-stage={renewal.stage?.id ?? 'none'}>
      <span className="muted">Renewal stage: </span>
      {renewal.daysToGo < 0 ? (
        <strong>renewal date passed</strong>
      ) : renewal.stage ? (
        <strong>
          {renewal.stage.id} {renewal.stage.title}
        </strong>
      ) : (
        <span>not started yet</span>
      )}
      {breached && <span className="badge badge--orange">90-day rule</span>}
    </p>
  );
}
