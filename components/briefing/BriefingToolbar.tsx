/** Copy the briefing as Markdown, or print it on one page. */
import { useEffect, useState } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { briefingMarkdown } from '@/lib/briefing/markdown';

export function BriefingToolbar({ view }: { view: AccountView }) {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (status !== 'Copied') return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(briefingMarkdown(view));
      setStatus('Copied');
    } catch (error) {
      setStatus(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="briefing-toolbar">
      <button type="button" className="button button--small" onClick={() => void copy()}>
        Copy briefing
      </button>
      <button type="button" className="button button--small button--quiet" onClick={() => window.print()}>
        Print
      </button>
      <span role="status" className={status.startsWith('Could not') ? 'error' : 'briefing-toolbar__status'}>
        {status}
      </span>
    </div>
  );
}
