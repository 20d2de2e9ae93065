/**
 * Renders assets/icon.svg to the PNGs the manifest uses (public/icon/<size>.png) with Debian Chromium,
 * so the icons come from the one SVG source without another image tool. Run: node scripts/render-icons.mjs
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'assets/icon.svg');
const OUT_DIR = join(ROOT, 'public/icon');

// Transparent margin around the mark per size. The store's 128 px icon is 96 px of artwork in a 16 px margin
// (Chrome Web Store image guidelines); toolbar and menu sizes use the whole square so the mark stays legible.
const MARGIN = { 16: 0, 32: 0, 48: 0, 128: 16 };

const svg = readFileSync(SOURCE, 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

mkdirSync(OUT_DIR, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [size, margin] of Object.entries(MARGIN).map(([s, m]) => [Number(s), m])) {
    const art = size - 2 * margin;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${art}" height="${art}" style="display:block;margin:${margin}px"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const path = join(OUT_DIR, `${size}.png`);
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(path);
  }
} finally {
  await browser.close();
}
