/**
 * Cell values as CRMs and spreadsheets write them, read into the bundle's shapes: amounts in any
 * locale's grouping, dates day-first or month-first, websites as registrable domains.
 */
import { registrableDomain } from '../../match/domains';

const CURRENCY_SIGNS: Array<[RegExp, string]> = [
  [/€|\bEUR\b/i, 'EUR'],
  [/£|\bGBP\b/i, 'GBP'],
  [/\bCHF\b/i, 'CHF'],
  [/\bCAD\b|C\$/i, 'CAD'],
  [/\bAUD\b|A\$/i, 'AUD'],
  [/¥|\bJPY\b/i, 'JPY'],
  [/\$|\bUSD\b/i, 'USD'],
];

/** The currency an amount names ("1.200.000,00 €" -> EUR), if any. */
export function currencyOf(raw: string): string | undefined {
  return CURRENCY_SIGNS.find(([sign]) => sign.test(raw))?.[1];
}

/**
 * "$1,200,000.00", "1.200.000,00 €", "1 200 000,00", "1'200'000" -> 1200000. The separator that
 * comes last is the decimal one when both appear; a lone separator followed by exactly three digits
 * groups thousands. Null when the cell is not an amount.
 */
export function parseAmount(raw: string): number | null {
  let s = raw.replace(/\b[A-Z]{3}\b|[€£¥$]/g, '').replace(/[\s\u00a0\u202f']/g, '');
  const negative = /^\(.*\)$/.test(s) || s.startsWith('-');
  s = s.replace(/^[-(]+|\)+$/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const once = s.indexOf(sep) === s.lastIndexOf(sep);
    const digitsAfter = s.length - s.lastIndexOf(sep) - 1;
    decimal = once && digitsAfter !== 3 ? sep : null;
  }
  const grouping = decimal === '.' ? /,/g : decimal === ',' ? /\./g : /[.,]/g;
  const n = Number(s.replace(grouping, '').replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ T].*)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

export type DateOrder = 'day-first' | 'month-first';

/**
 * Whether a column writes 31/03/2026 or 03/31/2026, judged from all its values: a first part over
 * 12 can only be a day, a second part over 12 only a day. Dots ("31.03.2026") are day-first in
 * every locale that uses them. When nothing tells, month-first, as US CRM exports write.
 */
export function dateOrderOf(values: string[]): DateOrder {
  for (const value of values) {
    const m = NUMERIC_DATE.exec(value.trim());
    if (!m || m[1].length === 4) continue;
    if (Number(m[1]) > 12 || value.includes('.')) return 'day-first';
    if (Number(m[2]) > 12) return 'month-first';
  }
  return 'month-first';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as an ISO date (YYYY-MM-DD), or null. ISO dates and timestamps come back as written, minus a time without zone. */
export function parseDate(raw: string, order: DateOrder): string | null {
  const s = raw.trim();
  const iso = ISO_DATE.exec(s);
  if (iso) return iso[5] && iso[4] ? s.replace(' ', 'T') : `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = NUMERIC_DATE.exec(s);
  if (m && m[1].length !== 4) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'day-first' ? [a, b] : [b, a];
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  const parsed = Date.parse(`${s} UTC`);
  if (/[a-z]{3}/i.test(s) && !Number.isNaN(parsed)) return new Date(parsed).toISOString().slice(0, 10);
  return null;
}

/** "https://www.Acme.com/about" -> "acme.com"; null when the cell names no host. */
export function websiteDomain(raw: string): string | null {
  const host = raw
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '');
  if (!host.includes('.')) return null;
  return registrableDomain(host);
}

/** "Acme, Inc." -> "acme-inc": ids derived from a name stay the same from one export to the next. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 150);
}
