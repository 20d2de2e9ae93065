/**
 * A button that shows and hides a region. Closed content is not rendered at all, so a
 * collapsed card stays short in the 360 px sidebar and off the reading order.
 */
import { useId, useState, type ReactNode } from 'react';

export interface DisclosureProps {
  /** Visible text of the toggle. */
  summary: ReactNode;
  /** Accessible name when the visible text alone is ambiguous (several "Steps" on a card). */
  label?: string;
  /** Id of the element that says what this toggle belongs to (heard as its description). */
  describedBy?: string;
  defaultOpen?: boolean;
  className?: string;
  children: ReactNode;
}

export function Disclosure({ summary, label, describedBy, defaultOpen = false, className, children }: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  const regionId = useId();
  return (
    <div className={['disclosure', className].filter(Boolean).join(' ')}>
      <button
        type="button"
        className="disclosure__toggle"
        aria-expanded={open}
        aria-controls={regionId}
        aria-label={label}
        aria-describedby={describedBy}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="disclosure__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {summary}
      </button>
      <div id={regionId} className="disclosure__body" hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
