/** Stand-ins for the background and for a chosen file, shared by the upload tests. */
import type { call as callBackground } from '../../../lib/messages/client';
import { BackgroundError } from '../../../lib/messages/client';
import type { PayloadOf, RequestType } from '../../../lib/messages/protocol';

type Sent = { type: RequestType; payload: PayloadOf<RequestType> };

/** Chrome refuses to pass a message nested deeper than this ("Could not serialize message"). */
const CHANNEL_DEPTH = 100;
const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** Stands in for the background: records what was sent and answers like the import handlers. */
export function fakeBackground(
  opts: { failChunk?: number; error?: string; commitSteps?: number[]; failCommits?: number; abortState?: string } = {},
) {
  const sent: Sent[] = [];
  let chunks = 0;
  let commits = 0;
  const mappings = new Map<string, string[]>();
  const accepted = { accounts: 0, contacts: 0, usage: 0, tickets: 0, commitments: 0, activities: 0 };
  const call = (async (type: RequestType, payload: PayloadOf<RequestType>) => {
    if (depthOf({ glance: 'request', type, payload }) > CHANNEL_DEPTH) {
      throw new BackgroundError("Glance's background could not be reached (Could not serialize message).");
    }
    sent.push({ type, payload });
    switch (type) {
      case 'import.begin':
        return { importId: 'import-1' };
      case 'import.chunk': {
        if (++chunks === opts.failChunk) throw new BackgroundError(opts.error ?? 'The background stopped.');
        const { records, offset, type: recordType } = payload as PayloadOf<'import.chunk'>;
        // Every record without a name is refused, as validation would.
        const rejected = records.flatMap((r, i) =>
          (r as { name?: string }).name ? [] : [{ path: `${recordType}[${offset + i}]`, reason: 'name: required (expected a string)' }],
        );
        accepted[recordType] += records.length - rejected.length;
        return { accepted: records.length - rejected.length, rejected };
      }
      case 'import.commit': {
        if (++commits <= (opts.failCommits ?? 0)) throw new BackgroundError("Glance's background could not be reached (worker stopped).");
        // The background applies batches a step at a time: `written` after each request.
        const steps = opts.commitSteps ?? [1];
        const written = steps[Math.min(commits - (opts.failCommits ?? 0), steps.length) - 1];
        const total = steps.at(-1)!;
        return { done: written === total, written, total, counts: accepted, kept: 2 };
      }
      case 'import.abort':
        return { state: opts.abortState ?? 'discarded' };
      case 'import.mapping.get':
        return mappings.get((payload as PayloadOf<'import.mapping.get'>).headerKey) ?? null;
      case 'import.mapping.save': {
        const { headerKey, choices } = payload as PayloadOf<'import.mapping.save'>;
        mappings.set(headerKey, choices);
        return null;
      }
      default:
        throw new Error(`unexpected ${type}`);
    }
  }) as typeof callBackground;
  const chunkPayloads = () => sent.filter((s) => s.type === 'import.chunk').map((s) => s.payload as PayloadOf<'import.chunk'>);
  return { call, sent, types: () => sent.map((s) => s.type), chunkPayloads };
}

export const file = (name: string, content: string | Uint8Array) => ({
  name,
  arrayBuffer: async () => (typeof content === 'string' ? new TextEncoder().encode(content) : content).slice().buffer,
});
export const bundleFile = (accounts: unknown[], contacts: unknown[] = []) =>
  file('book.json', JSON.stringify({ format: 'glance.bundle', version: 1, accounts, contacts }));
export const accounts = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `acc-${i}`, name: `Account ${i}` }));
