/**
 * Whether a Glance view may move the keyboard focus into itself. On a host page the sidebar is a
 * frame the page can place and make transparent: focus moving there unasked would tell the page
 * that an account matched, and would put a keystroke meant for the page into a Glance form. So
 * focus moves only after a gesture inside this document, or when it already holds the focus (as
 * after a browser shortcut, which the content script answers by focusing the frame).
 */
export function mayTakeFocus(doc: Document = document): boolean {
  const activation = (doc.defaultView?.navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return activation?.hasBeenActive === true || doc.hasFocus();
}
