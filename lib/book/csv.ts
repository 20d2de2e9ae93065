/**
 * The rows in view as CSV. Every cell is text and cells starting with = + - @ (or a tab or carriage
 * return) get a leading apostrophe, so a spreadsheet never runs a cell as a formula.
 */
import Papa from 'papaparse';
import type { AccountInsight } from '../insights/summary';

const COLUMNS: [string, (r: AccountInsight) => string | number | null | undefined][] = [
  ['Account', (r) => r.name],
  ['Domains', (r) => r.domains.join(' ')],
  ['Owner', (r) => r.owner],
  ['Health', (r) => r.band],
  ['Score', (r) => r.score],
  ['Trend', (r) => r.trend],
  ['Top action', (r) => r.topAction?.title],
  ['Top action id', (r) => r.topAction?.id],
  ['Risks', (r) => r.riskCount],
  ['Renewal date', (r) => r.renewalDate],
  ['Renewal in days', (r) => r.renewalInDays],
  ['Overdue commitments', (r) => r.overdueCount],
  ['Last touch', (r) => r.lastTouch],
  ['ARR', (r) => r.arr],
];

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function bookCsv(rows: readonly AccountInsight[]): string {
  const data = rows.map((r) => COLUMNS.map(([, value]) => neutralise(String(value(r) ?? ''))));
  return Papa.unparse({ fields: COLUMNS.map(([name]) => name), data }, { newline: '\r\n' });
}
