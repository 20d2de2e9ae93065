/**
 * Which sections the user opened or closed, remembered per device in the localStorage of the
 * extension's own origin. A view preference, not account data: a synchronous read at first render
 * lays the sidebar out once, with no round trip on the path a CSM waits for; the host page cannot
 * read or set it (another origin); and the sidebar needs no new write request to the background,
 * so its role stays read-mostly. Storage may be unavailable (blocked, full): then the defaults hold.
 */
const KEY = 'glance.sections';

function readAll(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

export function rememberedOpen(id: string, fallback: boolean): boolean {
  const value = readAll()[id];
  return typeof value === 'boolean' ? value : fallback;
}

export function rememberOpen(id: string, open: boolean): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [id]: open }));
  } catch {
    // Not remembered this time; the section still opens and closes.
  }
}
