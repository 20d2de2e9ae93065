/**
 * "Reset to playbook defaults", confirmed in place: the first click asks, the second acts.
 * Focus moves onto the question's answer so keyboard and screen-reader users meet it at once.
 */
import { useEffect, useId, useRef, useState } from 'react';

export interface ResetControlProps {
  disabled?: boolean;
  onConfirm: () => void;
}

export function ResetControl({ disabled, onConfirm }: ResetControlProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={openerRef} type="button" className="button button--quiet" disabled={disabled} onClick={() => setAsking(true)}>
        Reset to playbook defaults
      </button>
    );
  }
  return (
    <div
      className="settings-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <p id={questionId} className="settings-confirm__question">
        Replace every setting with the playbook defaults?
      </p>
      <button
        ref={confirmRef}
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, reset to defaults
      </button>
      <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
