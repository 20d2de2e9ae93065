/** The people of a thread, one entry each: by address where the page shows one, else by display name. */
import type { Person } from './types';

export class PeopleSet {
  private byKey = new Map<string, Person>();
  get size() {
    return this.byKey.size;
  }
  add(p: Person | undefined) {
    const name = p?.name?.toLowerCase();
    const nameKey = name && `name:${name}`;
    if (!p) return;
    // Outlook names a sender with the address and the same person as a recipient by name only: one entry.
    if (p.email) {
      if (nameKey) this.byKey.delete(nameKey);
    } else if (!nameKey || this.list().some((known) => known.email && known.name?.toLowerCase() === name)) return;
    const key = p.email || nameKey!;
    const known = this.byKey.get(key);
    if (!known) this.byKey.set(key, { ...p });
    else known.name ??= p.name;
  }
  list(): Person[] {
    return [...this.byKey.values()];
  }
}
