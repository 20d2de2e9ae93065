/**
 * Re-importing an older file must not undo what the user changed here since: a stored commitment
 * whose updatedAt is later than the file's copy of it (or, when the record has none, than the file's
 * generatedAt) is kept as it is. A file that says nothing about its age cannot prove it is newer,
 * so a commitment changed here wins over it too.
 */
import type { Commitment } from '../model/bundle';

export function keepsLocalCommitment(stored: Commitment | undefined, incoming: Commitment, fileGeneratedAt?: string): boolean {
  if (!stored?.updatedAt) return false;
  const fileTime = incoming.updatedAt ?? fileGeneratedAt;
  if (!fileTime) return true;
  return Date.parse(stored.updatedAt) > Date.parse(fileTime);
}
