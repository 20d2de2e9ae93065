/**
 * The key under which a manual account choice is remembered: the same thread or record must map
 * to the same key on every visit, whatever URL form or DOM version showed it.
 */
import { toSalesforceId18 } from '../hosts/salesforce-id';
import type { PageContext } from '../hosts/types';

export function pageKey(ctx: PageContext): string | null {
  if (ctx.kind === 'thread') return ctx.threadId ? `${ctx.host}:thread:${ctx.threadId}` : null;
  if (ctx.kind !== 'record') return null;
  const { crm, object, id } = ctx.record;
  if (crm === 'salesforce') return `salesforce:${toSalesforceId18(id) ?? id}`;
  return `hubspot:${object}:${id}`;
}
