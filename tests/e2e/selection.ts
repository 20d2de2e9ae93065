/**
 * Selects `wanted` in the host page's main pane as a user would with the mouse. Runs inside the page
 * (pass it to `page.evaluate` of Playwright or puppeteer), so it uses nothing from outside.
 */
export function selectText(wanted: string): void {
  const walker = document.createTreeWalker(document.querySelector('div[role="main"]')!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(wanted);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return;
  }
  throw new Error(`"${wanted}" is not on the page`);
}
