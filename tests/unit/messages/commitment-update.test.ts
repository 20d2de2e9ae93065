import { describe, expect, it } from 'vitest';
import { api } from '../../../lib/messages/protocol';

const parse = (payload: unknown) => api['commitment.update'].payload.safeParse(payload);

describe('the commitment.update request', () => {
  it('carries only the fields a page may change, a null due date clearing it', () => {
    expect(parse({ id: 'c1', patch: { status: 'done' } }).success).toBe(true);
    expect(parse({ id: 'c1', patch: { text: 'New text', dueDate: null, owner: 'customer', kind: 'sales-promise' } }).success).toBe(true);
  });

  it('refuses a whole record, other fields, an empty change and impossible dates', () => {
    expect(parse({ id: 'c1', patch: { status: 'done', accountId: 'acc-2' } }).success).toBe(false);
    expect(parse({ id: 'c1', patch: {} }).success).toBe(false);
    expect(parse({ id: 'c1', patch: { dueDate: '2026-02-30' } }).success).toBe(false);
    expect(parse({ id: 'c1', patch: { status: 'archived' } }).success).toBe(false);
  });
});
