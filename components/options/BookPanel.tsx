/** The book in the store: counts, the sample book (load / remove), and export. */
import { useState } from 'react';
import { call } from '@/lib/messages/client';
import { RECORD_TYPES } from '@/lib/model/bundle';
import { useGlanceMutation, useStoreSummary } from '../data/hooks';

export function BookPanel() {
  const summary = useStoreSummary();
  const loadSample = useGlanceMutation('sample.load');
  const removeSample = useGlanceMutation('sample.remove');
  const [exportError, setExportError] = useState<string | null>(null);

  async function exportBundle() {
    setExportError(null);
    try {
      const bundle = await call('export.bundle', {});
      const blob = new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `glance-export-${bundle.generatedAt?.slice(0, 10) ?? 'book'}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError((error as Error).message);
    }
  }

  if (summary.isPending) return <section className="card" aria-busy="true">Loading your book…</section>;
  if (summary.isError) return <section className="card error">Could not read the local store: {summary.error.message}</section>;
  const { counts, sampleAccounts, lastImport, outboxPending } = summary.data;
  const empty = counts.accounts === 0;

  return (
    <section aria-labelledby="book-heading" className="card">
      <h2 id="book-heading">Your book</h2>
      {empty ? (
        <div className="first-run">
          <p>No accounts yet. Import a bundle or CSV below, or try Glance on a realistic sample book of 50 accounts.</p>
          <button type="button" className="button" onClick={() => loadSample.mutate({})} disabled={loadSample.isPending}>
            {loadSample.isPending ? 'Loading…' : 'Load sample book'}
          </button>
        </div>
      ) : (
        <dl className="counts" aria-label="Records in Glance">
          {RECORD_TYPES.map((t) => (
            <div key={t}>
              <dt>{t}</dt>
              <dd data-count={t}>{counts[t].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      )}
      {sampleAccounts > 0 && (
        <p className="sample-note" data-sample="present">
          <span className="badge badge--sample">Sample data</span> {sampleAccounts} sample accounts are loaded.{' '}
          <button type="button" className="button button--quiet" onClick={() => removeSample.mutate({})} disabled={removeSample.isPending}>
            Remove sample book
          </button>
        </p>
      )}
      {!empty && sampleAccounts === 0 && (
        <button type="button" className="button button--quiet" onClick={() => loadSample.mutate({})} disabled={loadSample.isPending}>
          Load sample book
        </button>
      )}
      {(loadSample.error || removeSample.error) && (
        <p className="error" role="alert">{(loadSample.error ?? removeSample.error)?.message}</p>
      )}
      {lastImport && (
        <p className="muted">
          Last change: {lastImport.name}, {new Date(lastImport.at).toLocaleString()}
          {outboxPending > 0 && ` · ${outboxPending} change${outboxPending === 1 ? '' : 's'} waiting to sync`}
        </p>
      )}
      <div className="row">
        <button type="button" className="button" onClick={() => void exportBundle()} disabled={empty}>
          Export
        </button>
        <span className="muted">Downloads the whole local store as a Glance bundle.</span>
      </div>
      {exportError && <p className="error" role="alert">Export failed: {exportError}</p>}
    </section>
  );
}
