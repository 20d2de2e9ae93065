/**
 * The options page asks the browser for one CRM origin, inside the user's click (browsers allow
 * permissions.request only in a user gesture), before the background is asked to connect.
 */
import { browser } from 'wxt/browser';

/** True when granted (now or before); false when the user said no. Never throws: the background says what is missing. */
export async function requestOrigin(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}
