/**
 * The words a message's author wrote now: what is left of a body once quoted history, the
 * signature and legal disclaimers are cut. Gmail's reader already leaves out the history it
 * folds (.gmail_quote); plain-text replies and forwarded copies still carry theirs inline.
 */

export interface CleanedMessage {
  /** The author's own lines, in order. */
  lines: string[];
  /** Everything from the sign-off down: where a sender's phone, address and company show. */
  signature: string;
  /** Set when the whole message is machine-written (auto-reply, newsletter): nothing in it is a commitment. */
  skipped?: 'auto-reply' | 'newsletter';
}

/** The line that opens quoted history in a plain-text reply or forward. */
const QUOTE_START = [
  /^On .{4,200}wrote:\s*$/i,
  /^Am .{4,200}schrieb.*:\s*$/i,
  /^Le .{4,200}a écrit\s*:\s*$/i,
  /^-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}/i,
  /^From:\s.+$/,
  /^>/,
];

/** A sign-off on its own line ("Best,", "Kind regards", "Cheers, Raj"): the signature starts here. */
const SIGN_OFF =
  /^(?:best|thanks|thank you|many thanks|thanks again|cheers|regards|kind regards|best regards|warm regards|warmly|sincerely|all the best|speak soon|talk soon|viele grüße|mit freundlichen grüßen|cordialement)[,.!]?(?:\s+[\p{L}.'-]+){0,2}$/iu;

/** "--" alone is the conventional signature separator. */
const SIGNATURE_SEPARATOR = /^--\s*$/;

/** Legal footers: everything from here down is boilerplate, not the sender's words. */
const DISCLAIMER_START =
  /^(?:confidentiality notice|disclaimer|legal notice|this (?:e-?mail|message)(?: and any (?:files|attachments)(?: transmitted with it)?)? (?:is|are|may|contains?)|the information (?:contained )?in this (?:e-?mail|message))/i;

const AUTO_REPLY =
  /^(?:automatic reply|auto(?:matic)?[- ]?reply|out of (?:the )?office|abwesenheitsnotiz|réponse automatique)\b|\bI am (?:currently )?out of (?:the )?office\b|\bI'?m (?:currently )?out of (?:the )?office\b/im;

const NEWSLETTER =
  /\bunsubscribe\b|\bview (?:it )?in (?:your )?browser\b|\byou are receiving this (?:e-?mail )?because\b|\bmanage (?:your )?(?:email )?preferences\b/i;

export function cleanMessage(text: string): CleanedMessage {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  if (AUTO_REPLY.test(all.slice(0, 6).join('\n'))) return { lines: [], signature: '', skipped: 'auto-reply' };
  if (NEWSLETTER.test(text)) return { lines: [], signature: '', skipped: 'newsletter' };

  const lines: string[] = [];
  let signatureFrom = -1;
  for (let i = 0; i < all.length; i++) {
    const line = all[i].trim();
    if (QUOTE_START.some((re) => re.test(line)) || DISCLAIMER_START.test(line)) break;
    if (lines.length > 0 && (SIGNATURE_SEPARATOR.test(line) || SIGN_OFF.test(line))) {
      signatureFrom = i;
      break;
    }
    lines.push(line);
  }
  const signature = signatureFrom < 0 ? '' : untilQuoteOrDisclaimer(all.slice(signatureFrom)).join('\n');
  return { lines, signature };
}

function untilQuoteOrDisclaimer(lines: string[]): string[] {
  const end = lines.findIndex((l) => QUOTE_START.some((re) => re.test(l.trim())) || DISCLAIMER_START.test(l.trim()));
  return end < 0 ? lines : lines.slice(0, end);
}
