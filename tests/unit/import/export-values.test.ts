import { describe, expect, it } from 'vitest';
import { currencyOf, dateOrderOf, parseAmount, parseDate, websiteDomain } from '../../../lib/import/exports/values';

describe('amounts as exports write them', () => {
  it.each([
    ['$1,200,000.00', 1200000],
    ['1.200.000,00 €', 1200000],
    ['1 200 000,00', 1200000],
    ['1\u202f200\u202f000,50', 1200000.5],
    ["CHF 1'200'000", 1200000],
    ['1,200', 1200],
    ['12,5', 12.5],
    ['99.95', 99.95],
    ['(500)', -500],
  ])('%s -> %d', (raw, n) => expect(parseAmount(raw)).toBe(n));

  it('refuses what is not an amount', () => {
    expect(parseAmount('about 5k')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });

  it('names the currency', () => {
    expect(currencyOf('1.200.000,00 €')).toBe('EUR');
    expect(currencyOf('$1,200')).toBe('USD');
    expect(currencyOf('1200')).toBeUndefined();
  });
});

describe("dates in the export's locale", () => {
  it('a day over 12 anywhere in the column makes it day-first', () => {
    expect(dateOrderOf(['01/02/2027', '25/03/2027'])).toBe('day-first');
    expect(parseDate('01/02/2027', 'day-first')).toBe('2027-02-01');
  });
  it('a second part over 12 makes it month-first, and so does nothing telling', () => {
    expect(dateOrderOf(['01/02/2027', '3/31/2027'])).toBe('month-first');
    expect(dateOrderOf(['01/02/2027'])).toBe('month-first');
    expect(parseDate('3/31/2027 4:00 PM', 'month-first')).toBe('2027-03-31');
  });
  it('dotted dates are day-first; ISO dates stay as they are', () => {
    expect(dateOrderOf(['01.02.2027'])).toBe('day-first');
    expect(parseDate('2027-03-31', 'day-first')).toBe('2027-03-31');
    expect(parseDate('2027-03-31T10:00:00Z', 'month-first')).toBe('2027-03-31T10:00:00Z');
  });
});

describe('websites as domains', () => {
  it('keeps the registrable domain', () => {
    expect(websiteDomain('https://www.Acme.com/about')).toBe('acme.com');
    expect(websiteDomain('eu.shop.globex.co.uk')).toBe('globex.co.uk');
    expect(websiteDomain('n/a')).toBeNull();
  });
});
