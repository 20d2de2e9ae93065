/**
 * Salesforce record ids for generated data. Real pages show both the 15- and 18-character
 * forms, so the sample data uses both; the checksum comes from the host helper so that the
 * ids we generate are exactly the ones the page readers recognise.
 */
import { toSalesforceId18 as canonical } from '../hosts/salesforce-id';

export function toSalesforceId18(id15: string): string {
  const id18 = canonical(id15);
  if (id18 === null || id15.length !== 15) throw new Error(`not a 15 character Salesforce id: ${id15}`);
  return id18;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A 15-character id: key prefix (3, e.g. "001" account, "003" contact), a 2-character
 * instance marker, and `n` in base 62 over 10 characters, so distinct `n` never collide.
 */
export function makeSalesforceId15(keyPrefix: string, instance: string, n: number): string {
  let body = '';
  let rest = Math.floor(n);
  for (let i = 0; i < 10; i++) {
    body = BASE62[rest % 62] + body;
    rest = Math.floor(rest / 62);
  }
  return `${keyPrefix}${instance}${body}`;
}
