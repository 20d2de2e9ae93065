/**
 * Whether a sender writes numeric dates day-first ("10/4" = 10 April). Only what the message itself
 * shows counts: a UK address domain (.uk, e.g. .co.uk), a UK phone number (+44) or a UK postcode or
 * country in the signature. Everyone else is read month-first, as lib/promises does.
 */

const UK_DOMAIN = /\.uk$/i;
const UK_PHONE = /(?:\+|00)\s?44[\s(]/;
/** Outward and inward code, e.g. "E14 5HP", "SW1A 1AA", "M1 1AE". */
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/;
const UK_NAMED = /\b(?:United Kingdom|England|Scotland|Wales|Northern Ireland)\b|,\s*UK\b/;

export function writesDayFirst(senderEmail: string | undefined, signature: string): boolean {
  const domain = senderEmail?.split('@')[1] ?? '';
  return UK_DOMAIN.test(domain) || UK_PHONE.test(signature) || UK_POSTCODE.test(signature) || UK_NAMED.test(signature);
}
