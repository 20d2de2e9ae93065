import { hostTheme, themeOf } from '../../../lib/hosts/theme';

function page(body: string, html = 'rgba(0, 0, 0, 0)') {
  const doc = document.implementation.createHTMLDocument('host');
  return { doc, style: (el: Element) => (el === doc.body ? body : html) };
}

describe('hostTheme', () => {
  it("reads Gmail's dark theme and a light CRM page from the painted background", () => {
    const dark = page('rgb(32, 33, 36)');
    expect(hostTheme(dark.doc, dark.style)).toBe('dark');
    const light = page('rgb(243, 242, 242)');
    expect(hostTheme(light.doc, light.style)).toBe('light');
  });

  it('looks through a transparent body to the html background, and says nothing when neither is painted', () => {
    const through = page('rgba(0, 0, 0, 0)', 'rgb(22, 22, 22)');
    expect(hostTheme(through.doc, through.style)).toBe('dark');
    const none = page('rgba(0, 0, 0, 0)');
    expect(hostTheme(none.doc, none.style)).toBeNull();
  });
});

describe('themeOf (the sidebar, on the colours the content script sends)', () => {
  it('takes the first opaque colour, body before html', () => {
    expect(themeOf(['rgb(32, 33, 36)', 'rgb(255, 255, 255)'])).toBe('dark');
    expect(themeOf(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'])).toBe('light');
  });

  it('says nothing for no colours, or colours it cannot read', () => {
    expect(themeOf([])).toBeNull();
    expect(themeOf(['transparent', 'color(display-p3 0 0 0)'])).toBeNull();
  });
});
