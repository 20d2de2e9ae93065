/** One setting: a labelled number input with its hint and, when wrong, what is wrong. */
import { useId } from 'react';
import type { FieldDef } from './fields';

export interface NumberFieldProps {
  field: FieldDef;
  value: string;
  error?: string;
  onChange: (key: string, value: string) => void;
}

export function NumberField({ field, value, error, onChange }: NumberFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [field.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`settings-field${error ? ' settings-field--invalid' : ''}`} data-setting={field.key}>
      <label htmlFor={id} className="settings-field__label">
        {field.label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className="settings-field__input"
        value={value}
        min={field.min}
        max={field.max}
        // Any decimal is a valid figure unless the setting counts whole things.
        step={field.integer ? 1 : 'any'}
        placeholder={field.nullable ? 'none' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(field.key, e.target.value)}
      />
      {field.hint && (
        <p id={hintId} className="settings-field__hint muted">
          {field.hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="settings-field__error error">
          {error}
        </p>
      )}
    </div>
  );
}
