/** One CRM: connect, what the last sync did, whose book, the field mapping, disconnect. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { requestOrigin } from '@/lib/permissions/request';
import { HUBSPOT_ORIGIN_PATTERN, salesforceOriginPattern } from '@/lib/sync/origins';
import type { SourceStatus } from '@/lib/sync/types';
import { ago, OBJECT_WORDS } from '@/lib/sync/words';
import { useGlanceMutation } from '../data/hooks';
import { BookChoice } from './BookChoice';
import { MappingEditor } from './MappingEditor';

const NAMES = { hubspot: 'HubSpot', salesforce: 'Salesforce' } as const;

function stateLine(status: SourceStatus): string {
  const name = NAMES[status.source];
  switch (status.state) {
    case 'disconnected':
      return `Not connected.${status.lastResult ? ` Last: ${status.lastResult}.` : ''}`;
    case 'syncing':
      return status.progress
        ? `Syncing ${OBJECT_WORDS[status.progress.object]}: ${status.progress.records.toLocaleString('en-US')} records so far.`
        : 'Syncing…';
    case 'reconnect':
      return `${name} signed Glance out: reconnect to carry on. Your data stays in Glance.`;
    case 'error':
      return `The last sync stopped; Glance tries again at the next sync.`;
    default:
      return status.lastResult
        ? `${status.lastResult}.`
        : status.lastSyncAt
          ? `Synced ${ago(status.lastSyncAt, new Date())}.`
          : 'Connected.';
  }
}

export function SourcePanel({ status, callbackUrl }: { status: SourceStatus; callbackUrl?: string }) {
  const name = NAMES[status.source];
  const headingId = useId();
  const connect = useGlanceMutation('sync.connect');
  const disconnect = useGlanceMutation('sync.disconnect');
  const [token, setToken] = useState('');
  const [domain, setDomain] = useState(status.myDomain ?? '');
  const [consumerKey, setConsumerKey] = useState('');
  const tokenField = useRef<HTMLInputElement>(null);
  const connected = status.state !== 'disconnected';

  // The permission prompt is only allowed inside the click: it is asked for first, then the background connects.
  const connectHubSpot = async (event: FormEvent) => {
    event.preventDefault();
    await requestOrigin(HUBSPOT_ORIGIN_PATTERN);
    connect.mutate({ source: 'hubspot', accessToken: token }, { onSuccess: () => setToken('') });
  };
  const connectSalesforce = async (event?: FormEvent) => {
    event?.preventDefault();
    const pattern = salesforceOriginPattern(domain || status.myDomain || '');
    if (pattern) await requestOrigin(pattern);
    connect.mutate({ source: 'salesforce', myDomain: domain, consumerKey });
  };
  const reconnect = () => {
    if (status.source === 'hubspot') tokenField.current?.focus();
    else void connectSalesforce();
  };

  return (
    <section
      className="card source"
      aria-labelledby={headingId}
      data-source={status.source}
      data-sync-state={status.state}
      {...(status.lastSyncAt ? { 'data-last-sync': status.lastSyncAt } : {})}
    >
      <h3 id={headingId}>
        {name}
        {status.label ? <span className="muted"> · {status.label}</span> : null}
      </h3>
      <p role="status">{stateLine(status)}</p>
      {status.error && (
        <p className="error" role="alert">
          {status.error}
        </p>
      )}
      {status.notice && <p className="muted">{status.notice}</p>}

      {status.source === 'hubspot' ? (
        <form className="row" onSubmit={connectHubSpot}>
          <label className="field">
            <span>HubSpot access token</span>
            <input
              ref={tokenField}
              // A textbox (the UI contract's role), not type=password: the token is pasted once and cleared once connected.
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder="pat-na1-…"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={connect.isPending}>
            Connect HubSpot
          </button>
        </form>
      ) : (
        <form className="row" onSubmit={connectSalesforce}>
          <label className="field">
            <span>Salesforce domain</span>
            <input placeholder="acme.my.salesforce.com" spellCheck={false} value={domain} onChange={(e) => setDomain(e.target.value)} />
          </label>
          <label className="field">
            <span>Consumer key</span>
            <input autoComplete="off" spellCheck={false} value={consumerKey} onChange={(e) => setConsumerKey(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={connect.isPending}>
            Connect Salesforce
          </button>
        </form>
      )}
      {status.source === 'salesforce' && callbackUrl && (
        <p className="muted">
          Your Salesforce admin registers this callback URL in the External Client App: <code>{callbackUrl}</code>
        </p>
      )}
      {connect.isPending && <p className="muted">Connecting to {name}…</p>}
      {connect.isError && (
        <p className="error" role="alert">
          {connect.error.message}
        </p>
      )}

      {connected && (
        <>
          <div className="row">
            {status.state === 'reconnect' && (
              <button type="button" className="button" onClick={reconnect}>
                Reconnect
              </button>
            )}
            <button
              type="button"
              className="button button--quiet"
              disabled={disconnect.isPending}
              onClick={() => disconnect.mutate({ source: status.source })}
            >
              Disconnect
            </button>
            <span className="muted">Disconnecting keeps every synced record in Glance.</span>
          </div>
          <BookChoice status={status} />
          <MappingEditor status={status} />
        </>
      )}
    </section>
  );
}
