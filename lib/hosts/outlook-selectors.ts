/**
 * Every Outlook on the web selector Glance relies on, each with fallbacks. Outlook's class names are
 * generated (JdFsz, OZZZK, Q84Kk…) and regenerated now and then, so each list starts with roles,
 * aria labels, ids and data attributes, and keeps a class only as the last resort. Which hook exists
 * in which build (office.com 2023, live.com 2024 and 2025) was checked against real captures; the
 * fixtures tests/fixtures/hosts/outlook-*.html reproduce those structures (see their README).
 */
export const OUTLOOK = {
  /**
   * The reading pane region: it holds an open message, an open conversation or a compose form (the
   * three share it), and is absent while only the message list is shown.
   */
  readingPane: ['[data-app-section="MailReadCompose"]', '#ReadingPaneContainerId', '[role="main"][aria-label="Reading Pane"]'],

  /**
   * What is open for reading: a conversation (conversation view; also the pop-out window), or one
   * message (message view). A compose form has neither.
   */
  readContainer: [
    '#ConversationReadingPaneContainer',
    '[data-app-section="ConversationContainer"]',
    '#ItemReadingPaneContainer',
    '[data-app-section="ItemContainer"]',
  ],

  /** Compose editors: the To well, the subject input, the editable body, the docked compose frame. */
  compose: [
    '[contenteditable="true"][aria-label^="Message body"]',
    'div[role="textbox"][aria-label="To"][contenteditable="true"]',
    'input[aria-label="Subject"]',
    '#docking_InitVisiblePart_0',
  ],

  /**
   * The open conversation's subject: a level-2 heading whose span has the whole subject in its title.
   * Scoped to the read container: the message list's own "Inbox" heading is also level 2.
   */
  subject: ['[role="heading"][aria-level="2"] span[title]', '[role="heading"][aria-level="2"]', 'span.JdFsz[title]'],

  /**
   * One card per message in a conversation, expanded or collapsed, in page order, in one query so the
   * order holds: the aria-labelled card, and the card classes (SlLx9 expanded, GjFKx collapsed, which
   * has no label). Message view has no card: the read container is the one message.
   */
  message: ['[aria-label="Email message"], div.SlLx9, div.GjFKx'],

  /**
   * The sender: the hover target labelled "From: <name>" whose text is "<name><address>"; then the
   * sender span (OZZZK) that a collapsed card shows with the name only.
   */
  sender: ['[aria-label^="From: "]', 'span.Q84Kk span.OZZZK', 'span.OZZZK'],

  /**
   * Recipient wells: read-only "edit" regions labelled "To: <names>" / "Cc: <names>" (one per line)
   * inside the RecipientWell, then any such region, for builds without the test id.
   */
  recipientWell: ['[data-testid="RecipientWell"] [role="edit"][aria-label]', '[role="edit"][aria-readonly="true"][aria-label]'],

  /**
   * One recipient in a well: the entity span and its hover target, whose aria-label is the display
   * name (the visible text says "You" for the signed-in user). No address is in the DOM.
   */
  recipient: ['._EType_RECIPIENT_ENTITY [aria-label]', '[role="button"][aria-label]'],

  /** The body of an expanded message: the labelled document region around the sanitised mail HTML. */
  body: ['[id^="UniqueMessageBody"]', '[aria-label="Message body"]', '[role="document"]'],

  /** The message list's selected row, which carries the conversation id (base64, with + / =). */
  selectedRow: ['[role="option"][aria-selected="true"][data-convid]'],

  /** Any element carrying a conversation id, for builds that put it on the reading pane. */
  conversationId: '[data-convid]',

  /** The account button: "Account manager for <name>"; its label or title may also hold the address. */
  accountButton: ['#O365_MainLink_Me', 'button[aria-label^="Account manager for"]'],

  /** The signed-in address: the app bar image labelled with it, or the 2024 folder tree id. */
  accountEmail: ['img[aria-label*="@"][title*="@"]', '[id^="primaryMailboxRoot_"]'],
} as const;

/**
 * What only the message reader looks for (entrypoints/outlook-messages.ts, loaded when the sidebar asks):
 * apart from OUTLOOK, which the page script carries whole on every page load.
 */
export const OUTLOOK_MESSAGE = {
  /** The sent time as the user's locale writes it ("Wed 4/30/2025 3:03 PM"); NNlvm on a collapsed card. */
  sentAt: ['[data-testid="SentReceivedSavedTime"]', 'div.NNlvm'],

  /** The preview line a collapsed card shows instead of its body. */
  preview: ['div._nzWz'],

  /** Parts of a body that are not this message's words: the quoted reply and forward history. */
  bodySkip: '#divRplyFwdMsg, [id^="x_divRplyFwdMsg"], #appendonsend, [id^="x_appendonsend"], .x_gmail_quote, .gmail_quote',
} as const;
