/** A group of settings under one heading; the weights group also carries the live sum. */
import type { ReactNode } from 'react';
import type { Draft, SectionDef } from './fields';
import { NumberField } from './NumberField';

export interface SettingsSectionProps {
  section: SectionDef;
  draft: Draft;
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
  children?: ReactNode;
}

export function SettingsSection({ section, draft, errors, onChange, children }: SettingsSectionProps) {
  return (
    <fieldset className="settings-section" data-section={section.id}>
      <legend className="settings-section__title">{section.title}</legend>
      {section.intro && <p className="settings-section__intro muted">{section.intro}</p>}
      <div className="settings-section__fields">
        {section.fields.map((f) => (
          <NumberField key={f.key} field={f} value={draft[f.key] ?? ''} error={errors[f.key]} onChange={onChange} />
        ))}
      </div>
      {children}
    </fieldset>
  );
}
