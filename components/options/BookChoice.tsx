/** Her book (the accounts her CRM user owns) or the whole CRM; the owner email decides which user is hers. */
import { useState } from 'react';
import type { SourceStatus } from '@/lib/sync/types';
import { useGlanceMutation } from '../data/hooks';

const NAMES = { hubspot: 'HubSpot', salesforce: 'Salesforce' } as const;

export function BookChoice({ status }: { status: SourceStatus }) {
  const name = NAMES[status.source];
  const configure = useGlanceMutation('sync.configure');
  const [email, setEmail] = useState(status.ownerEmail ?? status.suggestedOwnerEmail ?? '');

  return (
    <fieldset className="book-choice">
      <legend>Which accounts</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={status.herBook}
          disabled={configure.isPending}
          onChange={(e) => configure.mutate({ source: status.source, herBook: e.target.checked })}
        />
        <span>Only the accounts I own in {name}</span>
      </label>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          configure.mutate({ source: status.source, ownerEmail: email });
        }}
      >
        <label className="field">
          <span>My {name} user email</span>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <button type="submit" className="button button--small" disabled={configure.isPending}>
          Save owner
        </button>
      </form>
      <p className="muted">
        {!status.herBook
          ? `Every account in ${name} is synced. Changing this reads everything again.`
          : !status.ownerEmail
            ? `Confirm your ${name} user email: until then every account is synced.`
            : status.owners && !status.ownerKnown
              ? `No ${name} user among the ${status.owners} owners has ${status.ownerEmail}: check the address.`
              : `Accounts owned by ${status.ownerEmail}. Changing this reads everything again.`}
      </p>
      {configure.isError && (
        <p className="error" role="alert">
          {configure.error.message}
        </p>
      )}
    </fieldset>
  );
}
