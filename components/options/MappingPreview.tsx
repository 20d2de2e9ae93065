/**
 * The column mapping for a CSV whose layout Glance does not know: what each column will become,
 * with sample values, confirmed by the user before anything is written.
 */
import { useId, useState } from 'react';
import { FIELDS, FIELD_LABELS, IGNORE } from '@/lib/import/exports/fields';
import type { MappingProposal } from '@/lib/import/exports/read';
import type { ColumnChoice } from '@/lib/import/exports/recognise';

interface Props {
  fileName: string;
  proposal: MappingProposal;
  onConfirm: (choices: ColumnChoice[]) => void;
  onCancel: () => void;
}

export function MappingPreview({ fileName, proposal, onConfirm, onCancel }: Props) {
  const [choices, setChoices] = useState<ColumnChoice[]>(() => proposal.columns.map((c) => c.choice));
  const headingId = useId();
  const hasAccount = choices.includes('account.name') || choices.includes('account.id');
  const leftOut = proposal.columns.filter((_, i) => choices[i] === IGNORE).map((c) => c.header);
  const choose = (i: number, value: ColumnChoice) => setChoices((current) => current.map((c, k) => (k === i ? value : c)));

  return (
    <section aria-labelledby={headingId} className="mapping-preview">
      <h3 id={headingId}>Match the columns of {fileName}</h3>
      <p className="muted">
        Glance does not know this layout. Choose what each column holds; nothing is written until you confirm, and the mapping is remembered
        for files with the same columns.
      </p>
      <table aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Glance field</th>
            <th scope="col">Sample values</th>
          </tr>
        </thead>
        <tbody>
          {proposal.columns.map((column, i) => (
            <tr key={column.header}>
              <th scope="row">{column.header}</th>
              <td>
                <select aria-label={column.header} value={choices[i]} onChange={(e) => choose(i, e.target.value as ColumnChoice)}>
                  <option value={IGNORE}>Leave out</option>
                  <option value="keep">Keep as it is</option>
                  {FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{column.samples.length ? column.samples.join(' · ') : <span className="muted">(empty)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-unmapped={leftOut.length}>{leftOut.length ? `Left out: ${leftOut.join(', ')}.` : 'Every column is used.'}</p>
      {!hasAccount && <p className="error">Choose the column with the company name (or its CRM id): every record belongs to an account.</p>}
      <div className="actions">
        <button type="button" className="button" disabled={!hasAccount} onClick={() => onConfirm(choices)}>
          Import with this mapping
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
