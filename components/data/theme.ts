/**
 * Applies the chosen theme to a Glance page: `data-theme` on <html> when light or dark is chosen,
 * or (auto) when the host page's theme is known; absent, the stylesheet follows the system.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { applyTheme, resolveTheme } from '@/lib/display/theme';
import { call } from '@/lib/messages/client';

export function useTheme(host: 'light' | 'dark' | null = null): void {
  const profile = useQuery({ queryKey: ['glance', 'profile'], queryFn: () => call('profile.get', {}) });
  const theme = resolveTheme(profile.data?.theme, host);
  useEffect(() => {
    applyTheme(document.documentElement, theme);
  }, [theme]);
}
