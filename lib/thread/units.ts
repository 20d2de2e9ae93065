/** A message's own lines cut into the units a commitment lives in: sentences, and list items with the line that introduces them. */

export interface TextUnit {
  text: string;
  /** For a list item: the line just before the list ("Next steps:", "we need three things from you:"). */
  listLead?: string;
}

const LIST_ITEM = /^(?:[-*•–·]|\d{1,2}[.)]|[a-z][.)])\s+(.+)$/;

/** Abbreviations that end in a full stop without ending the sentence. */
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Mrs|Ms|Dr|St|No|Inc|Ltd|Co|Corp|a\.m|p\.m)\.$/i;

export function splitSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["')\]]?\s+(?=["'([]?[A-Z0-9])/g;
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const candidate = line.slice(start, m.index + m[0].trimEnd().length);
    if (ABBREVIATIONS.test(candidate)) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

export function textUnits(lines: string[]): TextUnit[] {
  const units: TextUnit[] = [];
  let lead: string | undefined;
  let previous = '';
  for (const line of lines) {
    if (!line) {
      lead = undefined;
      previous = '';
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      // The line before the first item introduces the whole list.
      if (lead === undefined) lead = previous.endsWith(':') ? previous : '';
      units.push({ text: item[1].trim(), listLead: lead });
      continue;
    }
    lead = undefined;
    previous = line;
    for (const sentence of splitSentences(line)) units.push({ text: sentence });
  }
  return units;
}
