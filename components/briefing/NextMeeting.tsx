/** The meeting she is preparing for, first, because it is why the popup was opened. */
import type { AccountView } from '@/lib/account-view/types';
import { nextMeeting } from '@/lib/briefing/derive';
import { formatDateTime, relativeDay } from '../account/format';

export function NextMeeting({ view }: { view: AccountView }) {
  const next = nextMeeting(view);
  if (!next) return <p className="briefing-next briefing-next--none muted">No meeting scheduled.</p>;
  return (
    <p className="briefing-next" data-next-meeting={next.id}>
      <strong>Next meeting</strong> {relativeDay(next.date, view.asOf)}, {formatDateTime(next.date)}
      {next.summary && <span className="briefing-next__summary">{next.summary}</span>}
    </p>
  );
}
