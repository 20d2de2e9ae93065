/**
 * Sample data is marked so that it can be told apart from a user's real book and removed
 * in one go: every record id carries this prefix, and every account carries `sample: true`.
 */
export const SAMPLE_ID_PREFIX = 'sample-';

export function isSampleRecordId(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith(SAMPLE_ID_PREFIX);
}

export function sampleId(...parts: (string | number)[]): string {
  return SAMPLE_ID_PREFIX + parts.join('-');
}
