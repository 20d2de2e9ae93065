/**
 * The slice of SOQL the fake Salesforce answers: SELECT fields (and one level of child
 * relationship subquery) FROM one sObject, WHERE with AND / OR / NOT, parentheses, comparisons,
 * IN / NOT IN and LIKE, ORDER BY several fields, LIMIT. Datetime literals are unquoted ISO
 * (`2026-11-01T10:00:00Z`), as in Salesforce. Anything else is a MALFORMED_QUERY, as it would be.
 */

export class SoqlError extends Error {
  /** @param {string} message @param {string} [errorCode] */
  constructor(message, errorCode = 'MALFORMED_QUERY') {
    super(message);
    this.errorCode = errorCode;
  }
}

const TOKEN =
  /\s*(?:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))|(\d{4}-\d{2}-\d{2})(?![\dT])|('(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w.]*)|(!=|<>|<=|>=|[=<>(),]))/y;

/** @param {string} soql */
function tokenize(soql) {
  /** @type {Array<{ kind: 'datetime' | 'date' | 'string' | 'number' | 'word' | 'op'; text: string; value?: unknown }>} */
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < soql.length) {
    if (/^\s*$/.test(soql.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(soql);
    if (!m) throw new SoqlError(`unexpected token near '${soql.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20).trim()}'`);
    if (m[1]) tokens.push({ kind: 'datetime', text: m[1], value: Date.parse(m[1].replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) });
    else if (m[2]) tokens.push({ kind: 'date', text: m[2], value: m[2] });
    else if (m[3]) tokens.push({ kind: 'string', text: m[3], value: m[3].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[4]) tokens.push({ kind: 'number', text: m[4], value: Number(m[4]) });
    else if (m[5]) tokens.push({ kind: 'word', text: m[5] });
    else tokens.push({ kind: 'op', text: m[6] });
  }
  return tokens;
}

/**
 * @typedef {object} Query
 * @property {Array<string | Query>} fields a field name or a child relationship subquery
 * @property {string} from
 * @property {Condition | null} where
 * @property {Array<{ field: string; desc: boolean }>} orderBy
 * @property {number | null} limit
 */
/** @typedef {{ and: Condition[] } | { or: Condition[] } | { not: Condition } | { field: string; op: string; value: unknown }} Condition */

/** @param {string} soql @returns {Query} */
export function parseSoql(soql) {
  const tokens = tokenize(soql);
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (/** @type {string} */ w) => peek()?.kind === 'word' && peek().text.toUpperCase() === w;
  const expect = (/** @type {string} */ text) => {
    const t = tokens[i++];
    if (!t || t.text.toUpperCase() !== text) throw new SoqlError(`expecting '${text}', found '${t?.text ?? 'end of query'}'`);
  };
  const word = () => {
    const t = tokens[i++];
    if (t?.kind !== 'word') throw new SoqlError(`expecting a name, found '${t?.text ?? 'end of query'}'`);
    return t.text;
  };
  /** @returns {Query} */
  const query = () => {
    expect('SELECT');
    /** @type {Array<string | Query>} */
    const fields = [];
    do {
      if (peek()?.text === '(') {
        i++;
        fields.push(query());
        expect(')');
      } else fields.push(word());
    } while (peek()?.text === ',' && ++i);
    expect('FROM');
    const from = word();
    const where = isWord('WHERE') ? (i++, or()) : null;
    const orderBy = [];
    if (isWord('ORDER')) {
      i++;
      expect('BY');
      do {
        const field = word();
        let desc = false;
        if (isWord('ASC')) i++;
        else if (isWord('DESC')) {
          i++;
          desc = true;
        }
        if (isWord('NULLS')) i += 2;
        orderBy.push({ field, desc });
      } while (peek()?.text === ',' && ++i);
    }
    let limit = null;
    if (isWord('LIMIT')) {
      i++;
      limit = Number(tokens[i++]?.value);
    }
    return { fields, from, where, orderBy, limit };
  };
  /** @returns {Condition} */
  const or = () => {
    const parts = [and()];
    while (isWord('OR')) {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : { or: parts };
  };
  /** @returns {Condition} */
  const and = () => {
    const parts = [unary()];
    while (isWord('AND')) {
      i++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : { and: parts };
  };
  /** @returns {Condition} */
  const unary = () => {
    if (isWord('NOT')) {
      i++;
      return { not: unary() };
    }
    if (peek()?.text === '(') {
      i++;
      const inner = or();
      expect(')');
      return inner;
    }
    const field = word();
    let op = tokens[i++]?.text.toUpperCase();
    if (op === 'NOT') {
      expect('IN');
      op = 'NOT IN';
    }
    if (op === 'IN' || op === 'NOT IN') {
      expect('(');
      const values = [];
      do values.push(literal());
      while (peek()?.text === ',' && ++i);
      expect(')');
      return { field, op, value: values };
    }
    if (!['=', '!=', '<>', '<', '<=', '>', '>=', 'LIKE'].includes(op ?? '')) throw new SoqlError(`unexpected '${op}' after ${field}`);
    return { field, op: op === '<>' ? '!=' : /** @type {string} */ (op), value: literal() };
  };
  const literal = () => {
    const t = tokens[i++];
    if (!t) throw new SoqlError('expecting a value, found end of query');
    if (t.kind === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'null') return null;
      if (w === 'true' || w === 'false') return w === 'true';
      throw new SoqlError(`unexpected '${t.text}' where a value belongs`);
    }
    return t.value;
  };
  const q = query();
  if (i < tokens.length) throw new SoqlError(`unexpected token: '${tokens[i].text}'`);
  return q;
}

/**
 * @param {Condition | null} cond
 * @param {(field: string) => unknown} get
 * @returns {boolean}
 */
export function matches(cond, get) {
  if (!cond) return true;
  if ('and' in cond) return cond.and.every((c) => matches(c, get));
  if ('or' in cond) return cond.or.some((c) => matches(c, get));
  if ('not' in cond) return !matches(cond.not, get);
  const actual = get(cond.field);
  const { op, value } = cond;
  if (op === 'IN' || op === 'NOT IN') {
    const hit = /** @type {unknown[]} */ (value).some((v) => compare(actual, v) === 0);
    return op === 'IN' ? hit : !hit;
  }
  if (op === 'LIKE') {
    const pattern = new RegExp(
      `^${String(value)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.')}$`,
      'i',
    );
    return typeof actual === 'string' && pattern.test(actual);
  }
  if (value === null || actual === null || actual === undefined)
    return op === '=' ? (actual ?? null) === value : op === '!=' ? (actual ?? null) !== value : false;
  const c = compare(actual, value);
  return op === '=' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** Times compare as instants; ids and text case-insensitively, as Salesforce compares them. */
export function compare(/** @type {unknown} */ a, /** @type {unknown} */ b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof b === 'number' && typeof a === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(a))
    return Date.parse(a.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) - b;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : 1;
  const [x, y] = [String(a).toLowerCase(), String(b).toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
