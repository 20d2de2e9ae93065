/**
 * Which sidebar frames Glance itself put on a page. The content script (whose runtime messages a
 * page cannot forge) asks for a one-time token for its tab and hands it to the iframe it made over
 * the private channel; the sidebar redeems it once for a session key bound to its tab and frame.
 * A copy of sidebar.html framed by the page itself never sees a token, so it never gets a key.
 *
 * Kept in storage the browser clears with the session (storage.session, out of content scripts'
 * reach), so a service-worker restart does not sign every open sidebar out.
 */

export interface RegistryStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

interface Registration {
  token?: string;
  tokenExpiresAt?: number;
  session?: string;
  frameId?: number;
  documentId?: string;
}

export interface SidebarFrameRef {
  tabId: number;
  frameId: number;
  /** Chrome names each document; a frame navigated to a new document is then a new sidebar. */
  documentId?: string;
}

/** The sidebar loads within a second or two; a token left lying about goes stale quickly. */
export const TOKEN_LIFETIME_MS = 120_000;

function randomKey(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const keyOf = (tabId: number) => `sidebar-registration:${tabId}`;

/** Compares without an early exit, so timing says nothing about how much of a guess was right. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export class SidebarRegistry {
  constructor(
    private readonly storage: RegistryStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new page load in `tabId` mounts a new sidebar: earlier registrations of the tab end here. */
  async register(tabId: number): Promise<string> {
    const token = randomKey();
    await this.storage.set(keyOf(tabId), { token, tokenExpiresAt: this.now() + TOKEN_LIFETIME_MS } satisfies Registration);
    return token;
  }

  /** Trades the tab's token, once, for the key this frame sends with every request. */
  async redeem(token: string, frame: SidebarFrameRef): Promise<string | null> {
    const registration = (await this.storage.get(keyOf(frame.tabId))) as Registration | undefined;
    if (!registration?.token || !sameSecret(registration.token, token)) return null;
    if ((registration.tokenExpiresAt ?? 0) < this.now()) return null;
    const session = randomKey();
    await this.storage.set(keyOf(frame.tabId), { session, frameId: frame.frameId, documentId: frame.documentId } satisfies Registration);
    return session;
  }

  async isRegistered(session: string | undefined, frame: SidebarFrameRef): Promise<boolean> {
    if (!session) return false;
    const registration = (await this.storage.get(keyOf(frame.tabId))) as Registration | undefined;
    if (!registration?.session || !sameSecret(registration.session, session)) return false;
    if (registration.frameId !== frame.frameId) return false;
    return !registration.documentId || registration.documentId === frame.documentId;
  }

  forgetTab(tabId: number): Promise<void> {
    return this.storage.remove(keyOf(tabId));
  }
}
