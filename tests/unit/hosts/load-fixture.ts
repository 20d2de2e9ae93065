import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '../../fixtures/hosts');

/** A fixture page parsed as the browser would, without running its scripts. */
export function loadFixture(name: string): Document {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
