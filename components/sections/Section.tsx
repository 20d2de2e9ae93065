/**
 * A collapsible part of the sidebar or briefing below the first screen. The toggle is the
 * section's heading; what it hides stays mounted (only hidden), so the DOM hooks of a closed
 * section (data-commitment-id, data-action-id) are still there and its state is kept. Open or
 * closed is remembered per section id.
 */
import { useId, useState, type ReactNode } from 'react';
import { rememberedOpen, rememberOpen } from './section-memory';

export interface SectionProps {
  /** Stable id: the scroll target of links into the sidebar, and the key its state is kept under. */
  id: string;
  title: string;
  /** A few words shown beside the title while closed ("3 open", "in 45 days"). */
  hint?: ReactNode;
  defaultOpen?: boolean;
  /** Shown open while true whatever was remembered (a promise form opened by the shortcut). */
  forceOpen?: boolean;
  children: ReactNode;
}

export function Section({ id, title, hint, defaultOpen = false, forceOpen = false, children }: SectionProps) {
  // A link to this section (sidebar.html?account=…#people) opens it.
  const [remembered, setOpen] = useState(() => location.hash === `#${id}` || rememberedOpen(id, defaultOpen));
  const open = remembered || forceOpen;
  const bodyId = useId();
  const toggle = () => {
    setOpen(!open);
    rememberOpen(id, !open);
  };
  return (
    <section id={id} className={`section${open ? ' section--open' : ''}`} data-section={id} data-open={open}>
      <h2 className="section__heading">
        <button type="button" className="section__toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <span className="section__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="section__title">{title}</span>
          {hint !== undefined && hint !== null && hint !== '' && <span className="section__hint muted">{hint}</span>}
        </button>
      </h2>
      <div id={bodyId} className="section__body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
