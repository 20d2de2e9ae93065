/** The theme a Glance page takes: the one chosen in Options, else (auto) the host page's when it is known. Pure. */
export function resolveTheme(choice: 'auto' | 'light' | 'dark' | undefined, host: 'light' | 'dark' | null): 'light' | 'dark' | null {
  if (choice === 'light' || choice === 'dark') return choice;
  return host;
}

/** `data-theme` on <html> when a theme is resolved; absent, the stylesheet follows the system. */
export function applyTheme(root: HTMLElement, theme: 'light' | 'dark' | null): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}
