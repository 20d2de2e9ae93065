/**
 * Which export a header row comes from, and what each column means. Known layouts are matched by
 * their full signature; anything else gets a proposed mapping the user confirms before import.
 */
import { HEALTH_LAYOUTS } from './health-platforms';
import { HUBSPOT_LAYOUTS } from './hubspot';
import { SALESFORCE_LAYOUTS } from './salesforce';
import { IGNORE, squash, type ExportLayout, type Field, type IdSource } from './fields';

/** A column's target, or `keep`: copied onto the record under its own header, as unknown fields are. */
export type ColumnChoice = Field | typeof IGNORE | 'keep';

export const LAYOUTS: readonly ExportLayout[] = [...HUBSPOT_LAYOUTS, ...SALESFORCE_LAYOUTS, ...HEALTH_LAYOUTS];

export interface Recognised {
  layout: ExportLayout;
  choices: ColumnChoice[];
}

const lookup = (columns: Record<string, Field>) => new Map(Object.entries(columns).map(([header, field]) => [squash(header), field]));

/** The most specific layout whose signature headers are all present, or null. */
export function recogniseLayout(headers: string[]): Recognised | null {
  const present = new Set(headers.map(squash));
  let best: { layout: ExportLayout; rank: [number, number] } | null = null;
  for (const layout of LAYOUTS) {
    if (!layout.signature.every((h) => present.has(squash(h)))) continue;
    const columns = lookup(layout.columns);
    const rank: [number, number] = [layout.signature.length, headers.filter((h) => columns.has(squash(h))).length];
    if (!best || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && rank[1] > best.rank[1])) best = { layout, rank };
  }
  if (!best) return null;
  const columns = lookup(best.layout.columns);
  return { layout: best.layout, choices: headers.map((h) => columns.get(squash(h)) ?? 'keep') };
}

/** Everything any layout calls a column, plus the plain names people type, for guessing an unknown file. */
const GUESSES = new Map<string, Field>([
  ...LAYOUTS.flatMap((l) => Object.entries(l.columns).map(([h, f]) => [squash(h), f] as [string, Field])),
  ...Object.entries({
    company: 'account.name',
    companyname: 'account.name',
    customer: 'account.name',
    customername: 'account.name',
    account: 'account.name',
    organisation: 'account.name',
    organization: 'account.name',
    domain: 'account.website',
    website: 'account.website',
    url: 'account.website',
    arr: 'account.arr',
    annualrecurringrevenue: 'account.arr',
    revenue: 'account.arr',
    contractvalue: 'account.arr',
    currency: 'account.currency',
    tier: 'account.tier',
    segment: 'account.tier',
    renewal: 'account.renewalDate',
    renewaldate: 'account.renewalDate',
    renewson: 'account.renewalDate',
    renews: 'account.renewalDate',
    csm: 'account.owner',
    owner: 'account.owner',
    accountmanager: 'account.owner',
    healthscore: 'account.healthScore',
    health: 'account.healthScore',
    score: 'account.healthScore',
    nps: 'account.nps',
    npsscore: 'account.nps',
    email: 'contact.email',
    emailaddress: 'contact.email',
    workemail: 'contact.email',
    firstname: 'contact.firstName',
    givenname: 'contact.firstName',
    lastname: 'contact.lastName',
    surname: 'contact.lastName',
    fullname: 'contact.name',
    contactname: 'contact.name',
    contact: 'contact.name',
    title: 'contact.title',
    jobtitle: 'contact.title',
    position: 'contact.title',
  } satisfies Record<string, Field>),
]);

/** The proposed mapping for an unknown header row: a guess per column, each field used once. */
export function guessChoices(headers: string[]): ColumnChoice[] {
  return dedupe(headers.map((h) => GUESSES.get(squash(h)) ?? IGNORE));
}

/** A field filled by two columns is ambiguous: the first keeps it, the others are left for the user to decide. */
function dedupe(choices: ColumnChoice[]): ColumnChoice[] {
  const used = new Set<ColumnChoice>();
  return choices.map((c) => {
    if (c === IGNORE || c === 'keep') return c;
    if (used.has(c)) return IGNORE;
    used.add(c);
    return c;
  });
}

/** The key a confirmed mapping is remembered under: the header row, compared as headers are. */
export function headerSetKey(headers: string[]): string {
  return headers.map(squash).join('|');
}

export type { IdSource };
