import { useId } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { goals } from '@/lib/briefing/derive';
import { GOAL_STATUS } from '@/lib/briefing/format';

const TONE: Record<string, string> = { 'on-track': 'green', partial: 'yellow', 'off-track': 'red' };

export function GoalsCard({ view }: { view: AccountView }) {
  const headingId = useId();
  const list = goals(view);
  return (
    <section className="card goals" aria-labelledby={headingId}>
      <h2 id={headingId}>Goals</h2>
      {list.length === 0 ? (
        <p className="muted">No goals on record.</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {list.map((g, i) => (
            <li key={i} className="goal" data-goal-status={g.status}>
              <span className={`badge badge--${TONE[g.status]}`}>{GOAL_STATUS[g.status]}</span> {g.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
