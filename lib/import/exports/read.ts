/**
 * A CSV file -> bundle records: a known CRM or health platform export is mapped by its layout, a
 * plain Glance-style CSV (ids and names) as before, and anything else needs a mapping the user
 * confirms (a proposal is returned instead of records).
 */
import Papa from 'papaparse';
import { readCsvText, uniqueHeaders } from '../csv';
import type { RawRecords } from '../validate';
import { squash, type IdSource } from './fields';
import { guessChoices, headerSetKey, recogniseLayout, type ColumnChoice } from './recognise';
import { mapRows, withoutReportFooter, type SkippedRow } from './rows';

export interface ColumnPreview {
  header: string;
  /** Up to three non-empty values from the file. */
  samples: string[];
  choice: ColumnChoice;
}

export interface MappingProposal {
  headerKey: string;
  columns: ColumnPreview[];
}

export type ExportReading =
  | { kind: 'records'; records: RawRecords; skipped: SkippedRow[]; layout?: string }
  | { kind: 'needs-mapping'; proposal: MappingProposal }
  | { kind: 'refused'; error: string };

const NO_ROWS = 'This CSV file has no header row with columns, or no rows. Nothing was imported.';

/** The header and data rows, report footer removed. */
export function parseCsvRows(text: string): { headers: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [headerRow = [], ...rows] = parsed.data;
  return { headers: uniqueHeaders(headerRow.map((h) => h.trim())), rows: withoutReportFooter(rows) };
}

/** A plain CSV the earlier importer read well: accounts with an id and a name, or contacts with an account id and an email. */
function isPlainGlanceCsv(headers: string[]): boolean {
  const present = new Set(headers.map(squash));
  const any = (...names: string[]) => names.some((n) => present.has(n));
  if (any('email', 'emailaddress')) return any('accountid', 'account');
  return any('id', 'accountid') && any('name', 'accountname', 'company', 'companyname');
}

function proposalFor(headers: string[], rows: string[][], choices: ColumnChoice[]): MappingProposal {
  return {
    headerKey: headerSetKey(headers),
    columns: headers.map((header, i) => ({
      header,
      samples: rows
        .map((r) => (r[i] ?? '').trim())
        .filter(Boolean)
        .slice(0, 3),
      choice: choices[i],
    })),
  };
}

/** `mapping`: the user's confirmed choice per column, for a file no layout recognises. */
export function readExportText(text: string, options: { today: string; mapping?: ColumnChoice[] }): ExportReading {
  const { headers, rows } = parseCsvRows(text);
  if (headers.length < 2 || rows.length === 0) return { kind: 'refused', error: NO_ROWS };
  if (options.mapping) {
    if (options.mapping.length !== headers.length)
      return { kind: 'refused', error: "The column mapping does not fit this file's columns. Nothing was imported." };
    if (!options.mapping.includes('account.name') && !options.mapping.includes('account.id')) {
      return { kind: 'refused', error: 'The column mapping names no account column (a company name or CRM id). Nothing was imported.' };
    }
    return { kind: 'records', ...mapRows(headers, rows, options.mapping, { today: options.today, ids: idsOf(rows, options.mapping) }) };
  }
  const recognised = recogniseLayout(headers);
  if (recognised) {
    return {
      kind: 'records',
      layout: recognised.layout.label,
      ...mapRows(headers, rows, recognised.choices, {
        today: options.today,
        ids: recognised.layout.ids,
        groupedByAccount: recognised.layout.groupedByAccount,
      }),
    };
  }
  if (isPlainGlanceCsv(headers)) {
    const plain = readCsvText(text);
    return plain.ok ? { kind: 'records', records: plain.records, skipped: [] } : { kind: 'refused', error: plain.error };
  }
  return { kind: 'needs-mapping', proposal: proposalFor(headers, rows, guessChoices(headers)) };
}

/** Ids in a mapped file are judged by their shape, row by row, unless they are all HubSpot-style numbers. */
function idsOf(rows: string[][], mapping: ColumnChoice[]): IdSource | undefined {
  const column = mapping.indexOf('account.id');
  if (column < 0) return undefined;
  const values = rows.map((r) => (r[column] ?? '').trim()).filter(Boolean);
  return values.length > 0 && values.every((v) => /^\d+$/.test(v)) ? 'hubspot' : undefined;
}
