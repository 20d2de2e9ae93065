/**
 * A change to a commitment as the fields it touches, never the whole record: two open tabs each
 * hold their own copy, and a record sent back whole from a stale copy would undo what the other
 * tab changed in the meantime. The background applies a patch to the record as stored now.
 */
import type { Commitment } from '../model/bundle';

/** The fields the sidebar lets the user change. */
export const PATCHABLE_FIELDS = ['text', 'kind', 'owner', 'status', 'dueDate'] as const;

export type CommitmentPatch = Partial<Pick<Commitment, 'text' | 'kind' | 'owner' | 'status'>> & {
  /** null removes the due date. */
  dueDate?: string | null;
};

export function applyPatch(commitment: Commitment, patch: CommitmentPatch): Commitment {
  const next: Commitment = { ...commitment };
  for (const field of PATCHABLE_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else (next as Record<string, unknown>)[field] = value;
  }
  return next;
}

/** The patchable fields that differ between the copy a form opened with and what it saves. */
export function patchBetween(before: Commitment, after: Commitment): CommitmentPatch {
  const patch: Record<string, unknown> = {};
  for (const field of PATCHABLE_FIELDS) {
    if (before[field] !== after[field]) patch[field] = after[field] ?? null;
  }
  return patch as CommitmentPatch;
}

export function isEmptyPatch(patch: CommitmentPatch): boolean {
  return PATCHABLE_FIELDS.every((field) => patch[field] === undefined);
}
