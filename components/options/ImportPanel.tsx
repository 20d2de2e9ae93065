/** "Import": a file input and a drop zone; progress while it runs; the outcome in a status region. */
import { useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import { importFile, type ConfirmMapping, type ImportOutcome, type ImportProgress } from '@/lib/import/upload';
import { workerFileSession } from '@/lib/import/worker-file-session';
import type { MappingProposal } from '@/lib/import/exports/read';
import type { ColumnChoice } from '@/lib/import/exports/recognise';
import { MappingPreview } from './MappingPreview';
import { formatRejection, type Duplicate, type Rejection } from '@/lib/import/validate';
import { RECORD_TYPES } from '@/lib/model/bundle';

const SHOWN_REJECTIONS = 50;

export function ImportPanel() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const [mapping, setMapping] = useState<{
    fileName: string;
    proposal: MappingProposal;
    answer: (choices: ColumnChoice[] | null) => void;
  } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();

  async function run(file: File) {
    setOutcome(null);
    const confirmMapping: ConfirmMapping = (proposal) =>
      new Promise((resolve) =>
        setMapping({
          fileName: file.name,
          proposal,
          answer: (choices) => {
            setMapping(null);
            resolve(choices);
          },
        }),
      );
    try {
      setOutcome(await importFile(file, call, { onProgress: setProgress, confirmMapping, openSession: workerFileSession }));
    } catch (error) {
      // importFile answers every failure it knows of; this is the last guard, so that whatever
      // happens the user reads an outcome and can pick a file again without reloading the page.
      const message = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, fileName: file.name, error: `Import failed: ${message}. Nothing was changed.` });
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['glance'] });
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void run(file);
  };

  return (
    <section className="card">
      <h2>Bring in your book</h2>
      <p className="muted">
        A Glance bundle (.json) or a CSV export: HubSpot, Salesforce (reports too), Gainsight, ChurnZero or Totango, or your own columns.
        Records merge by id; nothing else is removed.
      </p>
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="import-file" className="button">
          Import
        </label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          className="visually-hidden-file"
          disabled={progress !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void run(file);
          }}
        />
        <span className="muted">or drop a file here</span>
      </div>
      {mapping && (
        <MappingPreview
          fileName={mapping.fileName}
          proposal={mapping.proposal}
          onConfirm={mapping.answer}
          onCancel={() => mapping.answer(null)}
        />
      )}
      {progress && !mapping && (
        <div className="progress">
          <progress aria-label="Progress" max={progress.total || 1} value={progress.phase === 'reading' ? undefined : progress.done} />
          <span>
            {progress.phase === 'reading' && 'Reading the file…'}
            {progress.phase === 'checking' && `Checking records: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
            {progress.phase === 'writing' && `Saving records: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
          </span>
        </div>
      )}
      <div role="status" aria-live="polite" className="import-status" data-outcome={outcome ? outcomeValue(outcome) : undefined}>
        {outcome && <OutcomeReport outcome={outcome} />}
      </div>
    </section>
  );
}

/** `imported` when something was stored; `failed` when the file was read but nothing in it could be stored; `refused` otherwise. */
function outcomeValue(outcome: ImportOutcome): 'imported' | 'failed' | 'refused' {
  if (outcome.ok) return 'imported';
  return outcome.nothingStored ? 'failed' : 'refused';
}

const RECORD_NOUNS: Record<(typeof RECORD_TYPES)[number], [string, string]> = {
  accounts: ['account', 'accounts'],
  contacts: ['contact', 'contacts'],
  usage: ['usage point', 'usage points'],
  tickets: ['ticket', 'tickets'],
  commitments: ['commitment', 'commitments'],
  activities: ['activity', 'activities'],
};

function countOf(n: number, type: (typeof RECORD_TYPES)[number]): string {
  return `${n.toLocaleString()} ${RECORD_NOUNS[type][n === 1 ? 0 : 1]}`;
}

const SHOWN_DUPLICATES = 20;

/** "2 duplicate account ids in the file: acme-1 (accounts[0], accounts[3]), …; the last one of each was kept." */
function describeDuplicates(type: (typeof RECORD_TYPES)[number], duplicates: Duplicate[]): string {
  const one = duplicates.length === 1;
  const noun =
    type === 'usage' ? `usage ${one ? 'point' : 'points'} (same account and date)` : `${RECORD_NOUNS[type][0]} ${one ? 'id' : 'ids'}`;
  const listed = duplicates
    .slice(0, SHOWN_DUPLICATES)
    .map((d) => `${d.key} (${d.paths.join(', ')})`)
    .join(', ');
  const more = duplicates.length > SHOWN_DUPLICATES ? ` and ${duplicates.length - SHOWN_DUPLICATES} more` : '';
  return `${duplicates.length.toLocaleString()} duplicate ${noun} in the file: ${listed}${more}; the last one of each was kept.`;
}

function Notes({ notes }: { notes?: string[] }) {
  return notes?.map((note) => (
    <p key={note} className="muted">
      {note}
    </p>
  ));
}

function OutcomeReport({ outcome }: { outcome: ImportOutcome }) {
  if (!outcome.ok) {
    return (
      <div>
        <p className="error">
          <strong>{outcome.fileName}</strong>: {outcome.error}
        </p>
        <Notes notes={outcome.notes} />
        {outcome.rejected && <Rejections rejected={outcome.rejected} />}
      </div>
    );
  }
  const duplicateTypes = RECORD_TYPES.filter((t) => outcome.duplicates.some((d) => d.type === t));
  const imported = RECORD_TYPES.filter((t) => outcome.counts[t] > 0).map((t) => countOf(outcome.counts[t], t));
  return (
    <div>
      <p>
        Imported from <strong>{outcome.fileName}</strong>: {imported.length ? imported.join(', ') : 'no records'}.
      </p>
      <Notes notes={outcome.notes} />
      {duplicateTypes.map((t) => (
        <p key={t}>
          {describeDuplicates(
            t,
            outcome.duplicates.filter((d) => d.type === t),
          )}
        </p>
      ))}
      {outcome.kept > 0 && (
        <p data-kept={outcome.kept}>
          {outcome.kept.toLocaleString()} {outcome.kept === 1 ? 'commitment' : 'commitments'} changed here since that file was made{' '}
          {outcome.kept === 1 ? 'was' : 'were'} kept as {outcome.kept === 1 ? 'it is' : 'they are'}.
        </p>
      )}
      <Rejections rejected={outcome.rejected} />
    </div>
  );
}

function Rejections({ rejected }: { rejected: Rejection[] }) {
  return (
    <>
      {rejected.length > 0 && (
        <>
          <p className="error">
            {rejected.length.toLocaleString()} {rejected.length === 1 ? 'record was' : 'records were'} rejected:
          </p>
          <ul className="rejections">
            {rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
              <li key={r.path}>{formatRejection(r)}</li>
            ))}
          </ul>
          {rejected.length > SHOWN_REJECTIONS && <p className="muted">…and {rejected.length - SHOWN_REJECTIONS} more.</p>}
        </>
      )}
    </>
  );
}
