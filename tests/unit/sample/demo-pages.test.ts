import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANCHORS } from '../../../lib/sample/anchors';
import { makeSampleBook } from '../../../lib/sample/book';

const HOSTS = join(import.meta.dirname, '../../fixtures/hosts');
const page = (name: string) => readFileSync(join(HOSTS, name), 'utf8');

/** The title a demo page prints beside a person: the Gmail signature line, or the CRM's related list. */
function titlesOn(html: string, name: string): string[] {
  const signature = [...html.matchAll(new RegExp(`${name} \\| ([^|<]+) \\|`, 'g'))].map((m) => m[1].trim());
  const related = [
    ...html.matchAll(new RegExp(`>${name}</(?:a|span)>(?:</a>)?(?:</records-hoverable-link>)?<div class="[^"]+">([^<]+)</div>`, 'g')),
  ].map((m) => m[1].trim());
  return [...signature, ...related];
}

describe('the sample book agrees with the demo host pages', () => {
  const contacts = makeSampleBook(new Date('2026-12-01T12:00:00Z')).contacts ?? [];
  const titleOf = (email: string) => contacts.find((c) => c.email === email)?.title;

  it.each([
    ['the Gmail thread', 'gmail-app.html', ANCHORS.acme.champion],
    ['the Salesforce account page', 'salesforce-account.html', ANCHORS.acme.economicBuyer],
    ['the HubSpot company page', 'hubspot-company.html', ANCHORS.acme.economicBuyer],
  ])('gives %s the same title for the person it shows', (_, file, person) => {
    const shown = titlesOn(page(file), person.name);
    expect(shown.length).toBeGreaterThan(0);
    for (const title of shown) expect(titleOf(person.email)).toBe(title);
  });
});
