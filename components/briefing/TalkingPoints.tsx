import { useId, useMemo } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { talkingPoints } from '@/lib/briefing/talking-points';

export function TalkingPoints({ view }: { view: AccountView }) {
  const headingId = useId();
  const points = useMemo(() => talkingPoints(view), [view]);
  return (
    <section className="card talking-points" aria-labelledby={headingId}>
      <h2 id={headingId}>Talking points</h2>
      {points.length === 0 ? (
        <p className="muted">Nothing pressing: keep the cadence.</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
