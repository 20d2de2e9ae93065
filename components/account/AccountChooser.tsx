/** Several accounts match the page: Glance never guesses, the user picks one (or searches). */
import type { MatchCandidate } from '@/lib/match/types';
import { AccountSearch } from './AccountSearch';

export function AccountChooser({
  candidates,
  onPick,
  headingLevel = 2,
}: {
  candidates: MatchCandidate[];
  onPick: (accountId: string) => void;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="card" aria-labelledby="ambiguous-heading">
      <Heading id="ambiguous-heading">Several accounts match</Heading>
      <p className="muted">Glance never guesses. Which account is this?</p>
      <ul className="choices">
        {candidates.map((c) => (
          <li key={c.accountId}>
            <button type="button" className="button button--quiet choice" onClick={() => onPick(c.accountId)}>
              {c.name}
            </button>
            <span className="muted"> {c.reason}</span>
          </li>
        ))}
      </ul>
      <AccountSearch onPick={onPick} />
    </section>
  );
}
