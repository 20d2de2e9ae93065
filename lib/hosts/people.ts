/** The people of a thread, one entry each: by address where the page shows one, else by display name. */
import type { Person } from './types';

export class PeopleSet {
  private byKey = new Map<string, Person>();
  get size() {
    return this.byKey.size;
  }
  add(p: Person | undefined) {
    const nameKey = p?.name ? `name:${p.name.toLowerCase()}` : undefined;
    const key = p?.email ?? nameKey;
    if (!p || !key) return;
    // Outlook names a sender with the address and the same person as a recipient by name only: one entry.
    if (nameKey && p.email) this.byKey.delete(nameKey);
    if (!p.email && nameKey && [...this.byKey.values()].some((known) => known.email && known.name?.toLowerCase() === p.name!.toLowerCase()))
      return;
    const known = this.byKey.get(key);
    if (!known) this.byKey.set(key, { ...p });
    else if (!known.name && p.name) known.name = p.name;
  }
  list(): Person[] {
    return [...this.byKey.values()];
  }
}
