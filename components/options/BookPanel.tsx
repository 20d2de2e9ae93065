/** The book in the store: counts, the sample book (load / remove), export, and an import Glance had to finish. */
import { useState } from 'react';
import { call } from '@/lib/messages/client';
import type { StoreSummary } from '@/lib/messages/protocol';
import { RECORD_TYPES } from '@/lib/model/bundle';
import { exportBookFile, type ExportProgress } from '@/lib/export/bundle-file';
import { spokenDate } from '../account/format';
import { useGlanceMutation, useStoreSummary } from '../data/hooks';

export function BookPanel() {
  const summary = useStoreSummary();
  const loadSample = useGlanceMutation('sample.load');
  const removeSample = useGlanceMutation('sample.remove');
  const [exportError, setExportError] = useState<string | null>(null);
  const [exportProgress, setExportProgress] = useState<ExportProgress | null>(null);

  async function exportBundle() {
    setExportError(null);
    setExportProgress({ type: 'accounts', done: 0, total: 0 });
    const outcome = await exportBookFile(call, setExportProgress);
    setExportProgress(null);
    if (!outcome.ok) {
      setExportError(outcome.error);
      return;
    }
    const url = URL.createObjectURL(outcome.file);
    const link = document.createElement('a');
    link.href = url;
    link.download = outcome.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  if (summary.isPending)
    return (
      <section className="card" aria-busy="true">
        Loading your book…
      </section>
    );
  if (summary.isError) return <section className="card error">Could not read the local store: {summary.error.message}</section>;
  const { counts, sampleAccounts, lastImport, outboxPending, interruptedImport } = summary.data;
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
      {(loadSample.error || removeSample.error) && (
        <p className="error" role="alert">
          {(loadSample.error ?? removeSample.error)?.message}
        </p>
      )}
      {lastImport && (
        <p className="muted">
          Last change: {lastImport.name}, {spokenDate(lastImport.at, new Date().toISOString())}{' '}
          {new Date(lastImport.at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}
          {outboxPending > 0 && ` · ${outboxPending} change${outboxPending === 1 ? '' : 's'} waiting to sync`}
        </p>
      )}
      {interruptedImport && <InterruptedImport job={interruptedImport} />}
      <div className="book-actions">
        <div>
          <button type="button" className="button" onClick={() => void exportBundle()} disabled={empty || exportProgress !== null}>
            Export
          </button>
          <span className="muted">{empty ? 'Nothing to export yet.' : 'Downloads the whole local store as a Glance bundle.'}</span>
        </div>
        {!empty && sampleAccounts === 0 && (
          <div>
            <button type="button" className="button button--quiet" onClick={() => loadSample.mutate({})} disabled={loadSample.isPending}>
              Load sample book
            </button>
            <span className="muted">Adds 50 sample accounts, marked as sample data and removable in one click.</span>
          </div>
        )}
      </div>
      {exportProgress && (
        <div className="progress">
          <progress aria-label="Export progress" max={exportProgress.total || 1} value={exportProgress.done} />
          <span>
            Exporting {exportProgress.type}: {exportProgress.done.toLocaleString()} of {exportProgress.total.toLocaleString()} records
          </span>
        </div>
      )}
      {exportError && (
        <p className="error" role="alert">
          {exportError}
        </p>
      )}
    </section>
  );
}

function InterruptedImport({ job }: { job: NonNullable<StoreSummary['interruptedImport']> }) {
  const progress = `${job.written.toLocaleString()} of ${job.total.toLocaleString()} records`;
  const text =
    job.recovery === 'discarded'
      ? 'was interrupted before it was saved: nothing of it was kept. Import the file again.'
      : job.recovery === 'rolled-back'
        ? job.state === 'rolled-back'
          ? 'was interrupted and has been rolled back: your book is as it was before it.'
          : `was interrupted and is being rolled back (${progress} left).`
        : job.state === 'committed'
          ? 'was interrupted and has been resumed: all of it is saved.'
          : `was interrupted and is being resumed (${progress} saved).`;
  return (
    <p className="muted" data-interrupted-import={job.recovery}>
      An import of <strong>{job.name}</strong> {text}
    </p>
  );
}
