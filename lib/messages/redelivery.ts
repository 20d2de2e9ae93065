/**
 * Chromium answers "Receiving end does not exist" when a message reaches the service worker while it
 * is being stopped or started again. Such a message was never delivered, so sending it again is safe
 * for every request; any other failure is passed on at once. No extension API here: the content
 * script and the UI pages share it.
 */
// Enough of each message to know it ("Receiving end does not exist", "Could not establish connection"): every byte ships in each page script.
const NOT_DELIVERED = /Receiving end|establish connection/i;
const REDELIVERY_DELAYS_MS = [50, 200, 500, 1000, 2000];

export async function sendWithRedelivery<T>(
  send: () => Promise<T>,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= REDELIVERY_DELAYS_MS.length || !NOT_DELIVERED.test(String((error as Error)?.message ?? error))) throw error;
      await sleep(REDELIVERY_DELAYS_MS[attempt]);
    }
  }
}
