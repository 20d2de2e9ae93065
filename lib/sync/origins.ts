/** The narrowest host permission each connection needs. Pure. */
import { parseMyDomain } from '../connectors/salesforce/oauth';

export const HUBSPOT_ORIGIN_PATTERN = 'https://api.hubapi.com/*';

/** `https://acme.my.salesforce.com/*` for what the user typed, or null when it is no My Domain. */
export function salesforceOriginPattern(input: string): string | null {
  const domain = parseMyDomain(input);
  return domain.ok ? `https://${domain.host}/*` : null;
}
