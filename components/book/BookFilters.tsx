/** The owner switch, the text filter and the filter checkboxes, each with how many rows it would leave. */
import { useId } from 'react';
import { BOOK_FILTERS, type BookFilterId, type BookQuery } from '@/lib/book/query';

interface Props {
  query: BookQuery;
  counts?: Record<BookFilterId, number>;
  onChange: (query: BookQuery) => void;
}

export function BookFilters({ query, counts, onChange }: Props) {
  const id = useId();
  const toggle = (filter: BookFilterId, on: boolean) =>
    onChange({ ...query, filters: on ? [...query.filters, filter] : query.filters.filter((f) => f !== filter) });
  return (
    <div className="book-filters">
      <label className="book-filters__search">
        <span className="visually-hidden">Filter accounts</span>
        <input
          type="search"
          aria-label="Filter accounts"
          placeholder="Filter by name or domain"
          value={query.text}
          onChange={(e) => onChange({ ...query, text: e.target.value })}
        />
      </label>
      <label className="book-filters__switch">
        <input
          type="checkbox"
          role="switch"
          checked={query.scope === 'all'}
          onChange={(e) => onChange({ ...query, scope: e.target.checked ? 'all' : 'mine' })}
        />
        <span>All accounts</span>
      </label>
      <fieldset className="book-filters__set">
        <legend className="visually-hidden">Filters</legend>
        {BOOK_FILTERS.map((f) => (
          <span key={f.id} className="book-filter">
            <label>
              <input
                type="checkbox"
                checked={query.filters.includes(f.id)}
                aria-describedby={`${id}-${f.id}`}
                onChange={(e) => toggle(f.id, e.target.checked)}
              />
              {f.label}
            </label>
            <span id={`${id}-${f.id}`} className="book-filter__count" data-filter-count={f.id}>
              {counts ? counts[f.id] : ''}
              <span className="visually-hidden"> accounts</span>
            </span>
          </span>
        ))}
      </fieldset>
    </div>
  );
}
