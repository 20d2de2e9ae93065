/** Where Glance shows the account: beside the page in it, or in the browser's own side panel. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DisplayMode } from '@/lib/display/mode';
import { readDisplayMode, saveDisplayMode } from '@/lib/messages/client';

const KEY = ['glance', 'display-mode'] as const;

const CHOICES: { mode: DisplayMode; label: string; hint: string }[] = [
  { mode: 'page', label: 'In the page', hint: 'A sidebar beside Gmail, Outlook and the CRMs; the page makes room for it.' },
  {
    mode: 'panel',
    label: "In the browser's side panel",
    hint: 'Nothing is added to the page. The toolbar button and Alt+Shift+G open the panel; it follows the tab you are on.',
  },
];

export function DisplayPanel() {
  const client = useQueryClient();
  const mode = useQuery({ queryKey: KEY, queryFn: readDisplayMode });
  const save = useMutation({
    mutationFn: saveDisplayMode,
    onSuccess: (_, saved) => client.setQueryData(KEY, saved),
  });
  const current = save.isPending ? save.variables : mode.data;

  return (
    <section className="card" aria-labelledby="display-heading">
      <h2 id="display-heading">Where Glance shows the account</h2>
      <fieldset className="display-choices" disabled={mode.isPending}>
        <legend className="muted">Show the sidebar</legend>
        {CHOICES.map(({ mode: value, label, hint }) => (
          <div key={value} className="field display-choice">
            <label>
              <input
                type="radio"
                name="display-mode"
                value={value}
                checked={current === value}
                aria-describedby={`display-${value}-hint`}
                onChange={() => save.mutate(value)}
              />{' '}
              {label}
            </label>
            <span id={`display-${value}-hint`} className="muted">
              {hint}
            </span>
          </div>
        ))}
      </fieldset>
      <div aria-live="polite">{save.isSuccess && !save.isPending ? 'Saved. Open pages switch at once.' : null}</div>
      {(save.isError || mode.isError) && (
        <p className="error" role="alert">
          Glance could not {save.isError ? 'save' : 'read'} where to show the account: {(save.error ?? mode.error)?.message}
        </p>
      )}
    </section>
  );
}
