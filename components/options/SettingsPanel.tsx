/**
 * Playbook settings: every weight, threshold and cadence the insights use, editable and
 * checked as typed. Nothing is saved until the whole set is valid, so the sidebar never
 * judges an account by a half-edited playbook.
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type PlaybookSettings } from '@/lib/settings';
import { useGlanceMutation, useSettings } from '../data/hooks';
import { allFields, checkDraft, settingsSections, toDraft, weightSum, type Draft } from './settings/fields';
import { ResetControl } from './settings/ResetControl';
import { SettingsSection } from './settings/SettingsSection';
import { WeightSum } from './settings/WeightSum';

export function SettingsPanel() {
  const settings = useSettings();
  return (
    <section aria-labelledby="settings-heading" className="card settings">
      <h2 id="settings-heading">Playbook settings</h2>
      <p className="muted">
        The figures behind health scores, signals and next best actions. The defaults are the playbook’s: most teams never change them.
      </p>
      {settings.isPending && <p aria-busy="true">Loading settings…</p>}
      {settings.isError && (
        <p className="error" role="alert">
          Could not read the settings: {settings.error.message}
        </p>
      )}
      {settings.data && <SettingsForm saved={settings.data} />}
    </section>
  );
}

/** The playbook's figures, closed until asked for; they stay mounted, so an unsaved edit survives closing. */
function Advanced({ count, children }: { count: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <div className="settings-advanced">
      <button type="button" className="disclosure__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <span className="disclosure__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        Advanced: all {count} figures
      </button>
      <div id={bodyId} hidden={!open}>
        {children}
      </div>
    </div>
  );
}

function sameDraft(a: Draft, b: Draft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '').trim() === (b[k] ?? '').trim());
}

function SettingsForm({ saved }: { saved: PlaybookSettings }) {
  const [baseline, setBaseline] = useState(saved);
  const [draft, setDraft] = useState(() => toDraft(saved));
  const [status, setStatus] = useState('');
  const save = useGlanceMutation('settings.save');

  const sections = useMemo(() => settingsSections(baseline), [baseline]);
  const check = useMemo(() => checkDraft(draft, sections), [draft, sections]);
  const dirty = !sameDraft(draft, toDraft(baseline));

  // Settings changed elsewhere (another options tab) replace the form only when nothing here is unsaved.
  if (saved !== baseline && !dirty) {
    setBaseline(saved);
    setDraft(toDraft(saved));
  }

  function edit(key: string, value: string) {
    setStatus('');
    save.reset();
    setDraft((d) => ({ ...d, [key]: value }));
  }

  function store(next: PlaybookSettings, done: string) {
    setStatus('');
    save.mutate(
      { settings: next },
      {
        onSuccess: (result) => {
          setBaseline(result);
          setDraft(toDraft(result));
          setStatus(done);
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check.settings && dirty && !save.isPending) store(check.settings, 'Saved');
  }

  const labels = new Map(allFields(sections).map((f) => [f.key, f.label]));
  const fieldCount = allFields(sections).length;
  const problems = [...(check.weightsOk ? [] : ['Health weights']), ...Object.keys(check.fieldErrors).map((k) => labels.get(k) ?? k)];

  return (
    <form className="settings-form" noValidate onSubmit={submit}>
      <Advanced count={fieldCount}>
        {sections.map((section) => (
          <SettingsSection key={section.id} section={section} draft={draft} errors={check.fieldErrors} onChange={edit}>
            {section.id === 'weights' && <WeightSum sum={weightSum(draft)} valid={check.weightsOk} />}
          </SettingsSection>
        ))}
      </Advanced>
      <div className="settings-actions">
        <button type="submit" className="button" disabled={!check.settings || !dirty || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <ResetControl disabled={save.isPending} onConfirm={() => store(DEFAULT_SETTINGS, 'Playbook defaults restored')} />
        <p className="settings-actions__status" aria-live="polite">
          {status}
        </p>
      </div>
      {problems.length > 0 && <p className="settings-blocked muted">To save, fix: {problems.join(', ')}.</p>}
      {!problems.length && dirty && !save.isPending && <p className="settings-blocked muted">Unsaved changes.</p>}
      {save.isError && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
