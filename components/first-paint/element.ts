/**
 * Building DOM without React, for the screens drawn before React loads (the book's first rows, the
 * sidebar's first screen): createElement and text nodes only, never markup parsed from data.
 */
export type Child = Node | string | null | false | undefined;

/** An element with attributes (`className` as the class; `true` as an empty attribute; undefined or false left out). */
export function el(tag: string, attrs: Record<string, string | number | boolean | undefined>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'className') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
