/**
 * Display names as a look-up key. Outlook on the web shows recipients by name only, so a name the
 * book knows for exactly one contact is evidence too; it is compared whole (case and spacing aside),
 * never by parts or likeness, so "Raj Patel" never finds "Raj Patil" or "R. Patel".
 */
export function contactNameKey(name: string | null | undefined): string | undefined {
  const key = (name ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  // A single word ("Raj", "Support") names too many people to point at one.
  return key.includes(' ') && key.length <= 200 ? key : undefined;
}
