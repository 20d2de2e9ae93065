/**
 * Several accounts match the page: Glance never guesses, the user picks one (or searches). Each
 * candidate shows the facts that tell them apart (domains, ARR, owner, health, last touch); the
 * arrow keys move between them.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import type { MatchCandidate, MatchVia } from '@/lib/match/types';
import { useAccountView } from '../data/hooks';
import { BAND_LABELS } from '../insights/format';
import { AccountSearch } from './AccountSearch';
import { formatMoney, spokenDate } from './format';

const WHY: Record<MatchVia, string> = {
  'crm-id': 'The record on this page points to each of them.',
  email: 'The people on this thread are contacts of each of them.',
  domain: 'The people on this thread write from a domain each of them has.',
  name: 'A person on this thread has the name of a contact of each of them.',
  manual: 'Each was chosen for this page before.',
};

function Candidate({ candidate, onPick }: { candidate: MatchCandidate; onPick: (accountId: string) => void }) {
  const view = useAccountView(candidate.accountId).data;
  const nameId = useId();
  const factsId = useId();
  const account = view?.account;
  const band = view?.insights.health.band;
  const lastTouch = view?.recentActivities[0];
  return (
    // The whole card picks (a pointer convenience); the button, named by the account alone, is what keyboards and screen readers use.
    <li className="choice" data-choice-id={candidate.accountId} onClick={() => onPick(candidate.accountId)}>
      <button
        type="button"
        className="choice__name"
        id={nameId}
        aria-describedby={factsId}
        onClick={(e) => (e.stopPropagation(), onPick(candidate.accountId))}
      >
        {candidate.name}
      </button>
      <span className="choice__facts" id={factsId}>
        {view && account ? (
          <>
            <span>{account.domains?.join(', ') || 'no domain on record'}</span>
            <span>
              {formatMoney(account.arr, account.currency)} ARR · {account.owner ? `owner ${account.owner}` : 'no owner on record'}
            </span>
            <span>
              <span className={`choice__band choice__band--${band}`}>
                {band === 'none' ? BAND_LABELS.none : `${view.insights.health.score} ${BAND_LABELS[band ?? 'none']}`}
              </span>
              {' · '}
              {lastTouch ? `last touch ${spokenDate(lastTouch.date, view.asOf)}` : 'no touch on record'}
            </span>
          </>
        ) : (
          <span className="muted">{candidate.reason}</span>
        )}
      </span>
    </li>
  );
}

export function AccountChooser({
  candidates,
  via,
  onPick,
  headingLevel = 2,
}: {
  candidates: MatchCandidate[];
  via?: MatchVia;
  onPick: (accountId: string) => void;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.choice__name') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), buttons.length - 1);
    event.preventDefault();
    buttons[next]?.focus();
  };
  return (
    <section className="card" aria-labelledby="ambiguous-heading">
      <Heading id="ambiguous-heading">Which account is this?</Heading>
      <p className="muted">
        {candidates.length} accounts match. {via ? WHY[via] : ''} Glance never guesses: pick one, and it is remembered for this page.
      </p>
      <ul className="choices" ref={list} onKeyDown={onKeyDown}>
        {candidates.map((c) => (
          <Candidate key={c.accountId} candidate={c} onPick={onPick} />
        ))}
      </ul>
      <p className="muted">Not one of these? Search your book:</p>
      <AccountSearch onPick={onPick} />
    </section>
  );
}
