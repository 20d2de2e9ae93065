/**
 * Which sidebar frames Glance itself put on a page. The content script (whose runtime messages a
 * page cannot forge) asks for a one-time token for its tab and hands it to the iframe it made over
 * the private channel; the sidebar redeems it once for a session key bound to its tab and frame.
 * A copy of sidebar.html framed by the page itself never sees a token, so it never gets a key.
 *
 * Kept in storage the browser clears with the session (storage.session, out of content scripts'
 * reach), so a service-worker restart does not sign every open sidebar out, and in this worker's
 * memory, so a cold sidebar's redeem and every request after it skip a storage round trip.
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

/** A redeemed token: the session key, and the write that keeps it past a worker restart. */
export interface Redeemed {
  session: string;
  saved: Promise<void>;
}

export class SidebarRegistry {
  /** What storage holds, for the tabs this worker has seen; storage is read only for the others. */
  private readonly kept = new Map<number, Registration | undefined>();

  constructor(
    private readonly storage: RegistryStorage,
    private readonly now: () => number = Date.now,
  ) {}

  private async registrationOf(tabId: number): Promise<Registration | undefined> {
    if (this.kept.has(tabId)) return this.kept.get(tabId);
    const stored = (await this.storage.get(keyOf(tabId))) as Registration | undefined;
    // A write for this tab while storage was being read is newer than what was read.
    if (!this.kept.has(tabId)) this.kept.set(tabId, stored);
    return this.kept.get(tabId);
  }

  private keep(tabId: number, registration: Registration): Promise<void> {
    this.kept.set(tabId, registration);
    return this.storage.set(keyOf(tabId), registration);
  }

  /** A new page load in `tabId` mounts a new sidebar: earlier registrations of the tab end here. */
  async register(tabId: number): Promise<string> {
    const token = randomKey();
    await this.keep(tabId, { token, tokenExpiresAt: this.now() + TOKEN_LIFETIME_MS });
    return token;
  }

  /**
   * Trades the tab's token, once, for the key this frame sends with every request. The key holds in
   * this worker at once; `saved` settles when it would also hold after a restart.
   */
  async redeem(token: string, frame: SidebarFrameRef): Promise<Redeemed | null> {
    const registration = await this.registrationOf(frame.tabId);
    if (!registration?.token || !sameSecret(registration.token, token)) return null;
    if ((registration.tokenExpiresAt ?? 0) < this.now()) return null;
    const session = randomKey();
    const saved = this.keep(frame.tabId, { session, frameId: frame.frameId, documentId: frame.documentId });
    return { session, saved };
  }

  async isRegistered(session: string | undefined, frame: SidebarFrameRef): Promise<boolean> {
    if (!session) return false;
    const registration = await this.registrationOf(frame.tabId);
    if (!registration?.session || !sameSecret(registration.session, session)) return false;
    if (registration.frameId !== frame.frameId) return false;
    return !registration.documentId || registration.documentId === frame.documentId;
  }

  forgetTab(tabId: number): Promise<void> {
    this.kept.delete(tabId);
    return this.storage.remove(keyOf(tabId));
  }
}
