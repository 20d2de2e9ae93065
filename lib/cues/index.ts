/**
 * "What customers say vs what they mean": phrases in an email thread and how to read them.
 * Patterns are case-insensitive and accept close variants and curly apostrophes.
 */

export type CueCategory =
  'competitive-evaluation' | 'internal-pushback' | 'roi-not-proven' | 'stalling' | 'not-fine' | 'champion-departure' | 'expansion-trigger';

export interface CueMatch {
  category: CueCategory;
  /** The phrase as it appears in the text. */
  phrase: string;
  /** "competitive evaluation: churn risk". */
  reading: string;
  /** The phrase with a little context either side. */
  excerpt: string;
  /** Offset of the phrase in the text. */
  index: number;
}

export interface CueOptions {
  /** "Everything is fine" means "not fine" only from a disengaged account. */
  disengaged?: boolean;
}

const READINGS: Record<CueCategory, string> = {
  'competitive-evaluation': 'competitive evaluation: churn risk',
  'internal-pushback': 'internal pushback',
  'roi-not-proven': 'ROI not proven: build the business case',
  stalling: 'stalling: set a follow-up',
  'not-fine': 'not fine: dig deeper',
  'champion-departure': 'champion departure',
  'expansion-trigger': 'expansion trigger',
};

const CALENDAR_WORDS =
  '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tomorrow|Early|Soon';
const APOS = "['’]";
const S = '\\s+';

const PATTERNS: { category: CueCategory; source: string; caseSensitive?: boolean }[] = [
  // Competitive evaluation
  {
    category: 'competitive-evaluation',
    source: `(?:re-?)?evaluat(?:e|es|ed|ing)${S}(?:(?:our|the|their|your|a|its)${S})?(?:(?:tech(?:nology)?|software|tool(?:ing)?|martech|data|whole|entire|current)${S}){0,2}stack`,
  },
  {
    category: 'competitive-evaluation',
    source: `(?:looking${S}at|exploring|considering|evaluating|reviewing|talking${S}to)${S}(?:some${S})?(?:other|alternative|different|competing)${S}(?:options|vendors|providers|tools|solutions|platforms|products)`,
  },
  {
    category: 'competitive-evaluation',
    source: `(?:looking${S}at|exploring|considering|evaluating)${S}(?:some${S}|other${S})?alternatives`,
  },
  { category: 'competitive-evaluation', source: `(?:shopping${S}around|an?${S}rfp|request${S}for${S}proposals?)` },
  // Internal pushback
  {
    category: 'internal-pushback',
    source: `(?:we|i)${S}(?:need|have|want|would${S}like)${S}to${S}think${S}(?:about${S}(?:it|this|that)|it${S}over|this${S}over)`,
  },
  { category: 'internal-pushback', source: `(?:need|needs)${S}(?:some${S}|more${S})?time${S}to${S}think` },
  // ROI not proven
  {
    category: 'roi-not-proven',
    source: `budgets?(?:${S}is|${S}are|${APOS}s|${S}has${S}been|${S}was)?${S}(?:really${S}|very${S}|pretty${S}|quite${S}|super${S}|extremely${S})?(?:tight|limited|constrained|being${S}cut|frozen)`,
  },
  { category: 'roi-not-proven', source: `(?:tight|limited|reduced)${S}budgets?|budget${S}(?:cuts?|constraints?|freeze)` },
  // Stalling
  { category: 'stalling', source: `circle${S}back${S}(?:after|in|next|later|once|when|at|on)\\b[^.!?\\n]{0,40}` },
  {
    category: 'stalling',
    source: `(?:revisit|pick${S}(?:this|it)${S}(?:back${S})?up|come${S}back${S}to${S}(?:this|it))${S}(?:after|in|next|later|once|when)\\b[^.!?\\n]{0,40}`,
  },
  // Not fine (only when disengaged)
  {
    category: 'not-fine',
    source: `every(?:thing|thing${APOS}s)${S}(?:is${S})?(?:fine|good|great|ok(?:ay)?)|all${S}good${S}(?:here|on${S}our${S}end)`,
  },
  // Champion departure
  { category: 'champion-departure', source: `leaving${S}(?:the${S}(?:company|team|business|organi[sz]ation|firm))\\b` },
  // "leaving Acme": a capitalised name only, so this one is matched with case.
  { category: 'champion-departure', source: `[Ll]eaving${S}(?!${CALENDAR_WORDS}\\b)[A-Z][\\w&-]+`, caseSensitive: true },
  { category: 'champion-departure', source: `my${S}last${S}day` },
  {
    category: 'champion-departure',
    source: `(?:moving${S}on${S}to${S}(?:a${S})?|starting${S}(?:a${S})?|taking${S}(?:on${S})?(?:a${S})?|accepted${S}(?:a${S})?)new${S}(?:role|position|job|opportunity|challenge)`,
  },
  { category: 'champion-departure', source: `(?:a|my|her|his|their)${S}new${S}role|new${S}position|moving${S}on${S}from|stepping${S}down` },
  // Expansion trigger
  { category: 'expansion-trigger', source: `new${S}(?:team|teams|department|business${S}unit|division|office)` },
  { category: 'expansion-trigger', source: `expand(?:ing|ed)?${S}(?:to|into)\\b` },
  { category: 'expansion-trigger', source: `(?:more|additional|extra)${S}(?:seats|licen[cs]es|users)` },
  { category: 'expansion-trigger', source: `(?:another|a${S}new|new)${S}(?:region|market|country)` },
  { category: 'expansion-trigger', source: `roll(?:ing)?${S}(?:it${S}|this${S})?out${S}to` },
];

const COMPILED = PATTERNS.map((p) => ({
  category: p.category,
  re: new RegExp(`\\b(?:${p.source})`, p.caseSensitive ? 'g' : 'gi'),
}));

const EXCERPT_CONTEXT = 40;

function excerptAt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/** Every cue in the text, in reading order; overlapping matches keep the first and longest. */
export function findCues(text: string, options: CueOptions = {}): CueMatch[] {
  if (!text) return [];
  const found: { category: CueCategory; start: number; end: number }[] = [];
  for (const { category, re } of COMPILED) {
    if (category === 'not-fine' && !options.disengaged) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ category, start: m.index, end: m.index + m[0].trimEnd().length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept.map((f) => ({
    category: f.category,
    phrase: text.slice(f.start, f.end),
    reading: READINGS[f.category],
    excerpt: excerptAt(text, f.start, f.end),
    index: f.start,
  }));
}

export { READINGS as CUE_READINGS };
