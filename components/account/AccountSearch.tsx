/** "Search accounts": by name or domain, arrow keys to move, Enter to pick. */
import { useId, useState, type KeyboardEvent } from 'react';
import { useAccountSearch } from '../data/hooks';

export function AccountSearch({ onPick, autoFocus = false }: { onPick: (accountId: string) => void; autoFocus?: boolean }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useAccountSearch(query.trim());
  const listId = useId();
  const items = query.trim() ? (results.data ?? []) : [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && items[active]) {
      event.preventDefault();
      onPick(items[active].id);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="account-search">
      <input
        type="search"
        role="searchbox"
        aria-label="Search accounts"
        placeholder="Search accounts by name or domain"
        value={query}
        autoFocus={autoFocus}
        aria-controls={query.trim() ? listId : undefined}
        aria-activedescendant={items[active] ? `${listId}-${items[active].id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() && (
        <ul id={listId} role="listbox" aria-label="Matching accounts" className="search-results">
          {items.map((a, i) => (
            <li
              key={a.id}
              id={`${listId}-${a.id}`}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              onMouseEnter={() => setActive(i)}
              onClick={() => onPick(a.id)}
            >
              <span>{a.name}</span>
              {a.domains?.[0] && <span className="muted"> · {a.domains[0]}</span>}
              {a.sample && <span className="badge badge--sample">Sample</span>}
            </li>
          ))}
          {results.isSuccess && items.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="muted">
              No account matches “{query.trim()}”.
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
