/**
 * Every Gmail selector Glance relies on, each with fallbacks. Gmail rolls DOM changes out to a
 * share of users at a time, so the obfuscated classes (hP, gD, g2, g3, a3s) are tried first and
 * the more stable attributes ([email], [data-message-id], [role=main]) after them. Which class or
 * attribute exists in which Gmail version (2014 to 2026) was checked against real captures; the
 * fixtures tests/fixtures/hosts/gmail-*.html reproduce those structures (see their README).
 */
export const GMAIL = {
  /** The main pane holding the open thread or the list; scopes every other query. */
  main: ['div[role="main"]', '[role="main"]'],

  /**
   * The open thread's subject heading, which also carries the thread ids. Only headings: inbox
   * rows carry the same id attributes and must not pass for an open thread.
   */
  subject: ['h2.hP', 'h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]', '[role="heading"][data-thread-perm-id]'],

  /**
   * Thread id attributes on that heading: the legacy hex id first, then the permanent id, whose
   * form changed from `thread-f:<decimal>` to `thread-a:r-<digits>` (2025) and may not be hex-able.
   */
  threadIdAttrs: ['data-legacy-thread-id', 'data-thread-perm-id'] as const,

  /**
   * Gmail's `jslog` logging attribute on a message body (div.ii.gt) and its buttons, whose
   * base64 JSON field `1:` is ["#thread-f:<decimal>"] in 2019+ builds. Undocumented, so only a
   * last resort for the thread id when no heading carries one.
   */
  jslog: ['div.ii.gt[jslog]', '[jslog*="; 1:"]'],

  /**
   * One container per message, in page order: expanded (div.adn) and collapsed (div.adf, whose
   * copy has no data-message-id in 2019) messages; then the id attributes (2018+); then div.gs,
   * the header-and-body box inside each message, for when the wrappers above are missing.
   */
  message: ['div.adn, div.adf', '[data-message-id]', '[data-legacy-message-id]', 'div.gs'],

  /** The sender's hovercard span in a message header (`email` and `name` attributes). */
  sender: ['span.gD[email]', 'h3 [email]', '[email][data-hovercard-id]', '[email]', 'img.ajn[jid]'],

  /** Recipient hovercard spans ("to me, Raj"); any other [email] in the header is a fallback. */
  recipient: 'span.g2[email]',

  /** The visible body of an expanded message (an element with [email] is a person chip, never the body). */
  body: ['div.a3s', 'div.ii.gt', '[data-message-id] [dir="ltr"]:not([email])', '[data-message-id] [dir="auto"]:not([email])'],

  /**
   * Where an [email] element is content, not a participant: a message's own HTML (div.a3s inside
   * div.ii.gt) can hold `<span email=…>` or a pasted Gmail header; quoted history; and the
   * thread-list rows (tr.zA) that a split view shows beside the open thread.
   */
  notParticipant: 'div.a3s, div.ii.gt, .gmail_quote, .gmail_extra, blockquote, tr.zA',

  /**
   * Person hooks that held still from 2014 to 2026: the sender span.gD, the recipient span.g2 and
   * the avatar img.ajn (address in `jid`). Read when no heading or message container is found.
   */
  personHooks: 'span.gD[email], span.g2[email], img.ajn[jid]',

  /** The account button in the top bar: aria-label "Google Account: Casey Morgan (casey@…)". */
  accountButton: ['a[aria-label^="Google Account"]', 'a[href*="accounts.google.com/SignOutOptions"][aria-label]', '[data-email]'],

  /** Any participant hovercard or avatar in the thread: catches people whose messages are collapsed. */
  participant: '[email], img.ajn[jid]',
} as const;

/**
 * What only the message reader looks for (entrypoints/gmail-messages.ts, loaded when the sidebar asks):
 * apart from GMAIL, which the page script carries whole on every page load.
 */
export const GMAIL_MESSAGE = {
  /** The sent-time element; its title holds the full date ("Tue, Mar 4, 2025, 9:14 AM"). */
  sentAt: ['span.g3[title]', '[role="gridcell"][title]', 'td [title]', '[title]'],

  /** The one-line preview a collapsed message shows instead of its body ("Письмо 01 С уважением…"). */
  snippet: ['div.iA.g6', 'div.iA'],

  /**
   * Parts of the body that are not this message's words: quoted history and signatures Gmail folds,
   * and the signature Gmail inserts (div.gmail_signature, also marked data-smartmail since 2017),
   * which is read on its own (signature below): a tagline there is nobody's promise.
   */
  bodySkip: '.gmail_quote, .gmail_extra, .adm, .h5, .yj6qo, .gmail_signature, [data-smartmail="gmail_signature"]',

  /** The sender's Gmail signature inside the body: where a phone number or address tells how they write dates. */
  signature: ['div.gmail_signature', '[data-smartmail="gmail_signature"]'],
} as const;
