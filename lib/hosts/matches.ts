/**
 * The host pages Glance reads: content-script matches and the sidebar's web-accessible grant. Only
 * the hosts a reader in lib/hosts understands: Lightning and My Domain, not every salesforce.com
 * property (help, trailhead, www and appexchange are not CRM records).
 */
import type { HostName } from './types';

/** The pages each host's reader understands; the "Log as promise" menu is offered there only. */
export const MATCHES_BY_HOST: Record<HostName, string[]> = {
  gmail: ['https://mail.google.com/*'],
  // Only the mail app of Outlook on the web (its calendar, people and settings pages are no thread).
  outlook: ['https://outlook.office.com/mail/*', 'https://outlook.office365.com/mail/*', 'https://outlook.live.com/mail/*'],
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
};

export const HOST_MATCHES = Object.values(MATCHES_BY_HOST).flat();

/** A pattern's whole origin: `https://outlook.office.com/mail/*` -> `https://outlook.office.com/*`. */
const originOf = (pattern: string) => pattern.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*');

/**
 * Where each host's content script runs. Outlook on the web is one app: its calendar, people and mail
 * switch by history.pushState without a page load, and a script is only injected at a page load, so a
 * script matched to /mail/* alone would never start after a move from the calendar to mail. Outlook's
 * script therefore runs on its three origins (the same hosts, so the same host access) and reads and
 * mounts only on /mail routes (outlookAdapter.isHost); elsewhere it only watches the route.
 */
export const SCRIPT_MATCHES_BY_HOST: Record<HostName, string[]> = {
  ...MATCHES_BY_HOST,
  outlook: [...new Set(MATCHES_BY_HOST.outlook.map(originOf))],
};

const SCRIPT_MATCHES = Object.values(SCRIPT_MATCHES_BY_HOST).flat();

/** Whether `pattern` (https only, a host or `*.` subdomains, a path ending in `*`) matches `url`, as the browser reads it. */
function matchesPattern(pattern: string, url: URL): boolean {
  const [, host, path] = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  if (url.protocol !== 'https:' || host === undefined) return false;
  const hostMatches = host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  return hostMatches && url.pathname.startsWith(path.replace(/\*$/, ''));
}

/**
 * A page where one of Glance's content scripts runs. The browser names a content script's sender by the
 * address its document loaded at, which a route change by history.pushState does not update: Outlook's
 * script that started on the calendar still sends from /calendar once it reads mail.
 */
export function runsGlanceScript(url: URL): boolean {
  return SCRIPT_MATCHES.some((pattern) => matchesPattern(pattern, url));
}

/**
 * The sidebar's web-accessible grant: Chrome takes only whole origins there (a pattern's path must
 * be /*, or the extension does not load), so Outlook's /mail/* becomes its origin. The content script
 * mounts the sidebar only on the paths above.
 */
export const FRAME_MATCHES = [...new Set(HOST_MATCHES.map(originOf))];
