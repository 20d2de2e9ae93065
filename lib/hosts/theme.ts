/**
 * Whether a host page is in a dark theme (Gmail, Salesforce and HubSpot dark modes), read from
 * the colour actually painted behind its content: the first opaque background of body or html.
 * Pure over the colours, so it is tested without a browser; the sidebar runs it on the colours the
 * content script reads (a parser less on every page load).
 */
export type HostTheme = 'light' | 'dark';

/** "rgb(32, 33, 36)" or "rgba(0, 0, 0, 0)" -> [r, g, b, a]. */
function parseColour(value: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** Relative luminance (WCAG) of an sRGB colour, 0 black to 1 white. */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The theme of a page whose body and html paint these backgrounds (body first): the first opaque one decides. */
export function themeOf(backgrounds: string[]): HostTheme | null {
  for (const background of backgrounds) {
    const colour = parseColour(background);
    if (colour && colour[3] > 0.5) return luminance(colour) < 0.2 ? 'dark' : 'light';
  }
  return null;
}

export function hostTheme(doc: Document, backgroundOf: (el: Element) => string): HostTheme | null {
  return themeOf([doc.body, doc.documentElement].filter((el) => el !== null).map(backgroundOf));
}
