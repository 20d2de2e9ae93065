/**
 * Every Gmail selector Glance relies on, each with fallbacks. Gmail rolls DOM changes out to a
 * share of users at a time, so the obfuscated classes (hP, gD, g2, g3, a3s) are tried first and
 * the more stable attributes ([email], [data-message-id], [role=main]) after them. Fixtures:
 * tests/fixtures/hosts/gmail-*.html (v1 = classic classes, v2 = attributes only).
 */
export const GMAIL = {
  /** The main pane holding the open thread or the list; scopes every other query. */
  main: ['div[role="main"]', '[role="main"]'],

  /**
   * The open thread's subject heading, which also carries the thread ids. Only headings: inbox
   * rows carry the same id attributes and must not pass for an open thread.
   */
  subject: ['h2.hP', 'h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]', '[role="heading"][data-thread-perm-id]'],

  /** Thread id attributes on that heading: the legacy hex id first, then the permanent id. */
  threadIdAttrs: ['data-legacy-thread-id', 'data-thread-perm-id'] as const,

  /** One container per message in the thread (expanded or collapsed). */
  message: ['div.adn[data-message-id]', 'div.adn', '[data-message-id]', '[data-legacy-message-id]'],

  /** The sender's hovercard span in a message header (`email` and `name` attributes). */
  sender: ['span.gD[email]', 'h3 [email]', '[email][data-hovercard-id]', '[email]'],

  /** Recipient hovercard spans ("to me, Raj"); any other [email] in the header is a fallback. */
  recipient: ['span.g2[email]'],

  /** The sent-time element; its title holds the full date ("Tue, Mar 4, 2025, 9:14 AM"). */
  sentAt: ['span.g3[title]', '[role="gridcell"][title]', 'td [title]', '[title]'],

  /** The visible body of a message. */
  body: ['div.a3s', 'div.ii.gt', '[data-message-id] [dir="ltr"]', '[data-message-id] [dir="auto"]'],

  /** Parts of the body that are not this message's words: quoted history and signatures Gmail folds. */
  bodySkip: '.gmail_quote, .gmail_extra, .adm, .h5, .yj6qo',

  /** The account button in the top bar: aria-label "Google Account: Casey Morgan (casey@…)". */
  accountButton: [
    'a[aria-label^="Google Account"]',
    'a[href*="accounts.google.com/SignOutOptions"][aria-label]',
    '[data-email]',
  ],

  /** Any participant hovercard in the thread: catches people whose messages are collapsed. */
  participant: '[email]',
} as const;

