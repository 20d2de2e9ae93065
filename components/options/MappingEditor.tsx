/** Which CRM property or field carries each Glance fact, standard or custom (e.g. Health_Score__c). */
import { useState, type FormEvent } from 'react';
import { MAPPING_LABELS } from '@/lib/sync/mapping';
import type { MappingFields, SourceStatus } from '@/lib/sync/types';
import { useGlanceMutation } from '../data/hooks';

const KEYS = Object.keys(MAPPING_LABELS) as (keyof MappingFields)[];

export function MappingEditor({ status }: { status: SourceStatus }) {
  const save = useGlanceMutation('sync.configure');
  const [fields, setFields] = useState<MappingFields>(status.mapping);
  const noun = status.source === 'hubspot' ? 'property' : 'field';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ source: status.source, mapping: fields });
  };

  return (
    <details className="mapping">
      <summary>Field mapping</summary>
      <form onSubmit={submit} className="mapping__form">
        {KEYS.map((key) => (
          <label key={key} className="field">
            <span>
              {MAPPING_LABELS[key]} {noun}
            </span>
            <input
              value={fields[key]}
              spellCheck={false}
              placeholder={key === 'health' ? (status.source === 'hubspot' ? 'health_score' : 'Health_Score__c') : ''}
              onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="button button--small" disabled={save.isPending}>
          Save mapping
        </button>
        <p className="muted">Saving reads every record again with the new mapping.</p>
        <div aria-live="polite">{save.isSuccess && !save.isPending ? 'Mapping saved.' : null}</div>
        {save.isError && (
          <p className="error" role="alert">
            {save.error.message}
          </p>
        )}
      </form>
    </details>
  );
}
