import { describe, expect, it } from 'vitest';
import { isFreeMailDomain, registrableDomain } from '../../../lib/match/domains';

describe('registrableDomain', () => {
  it('reduces hosts and emails to the registrable domain', () => {
    expect(registrableDomain('eu.mail.globex.co.uk')).toBe('globex.co.uk');
    expect(registrableDomain('Tom.Reyes@EU.Mail.Globex.co.uk')).toBe('globex.co.uk');
    expect(registrableDomain('acmerobotics.com')).toBe('acmerobotics.com');
    expect(registrableDomain('mail.acme.com.au')).toBe('acme.com.au');
    expect(registrableDomain('intranet')).toBe('intranet');
    expect(registrableDomain('')).toBeNull();
  });
});

describe('isFreeMailDomain', () => {
  it('knows free-mail providers, under any country suffix where they have many', () => {
    for (const d of [
      'gmail.com',
      'pat@googlemail.com',
      'hotmail.co.uk',
      'hotmail.fr',
      'yahoo.co.jp',
      'outlook.com',
      'proton.me',
      'gmx.de',
      'yandex.ru',
      'icloud.com',
      'qq.com',
      '163.com',
    ]) {
      expect(isFreeMailDomain(d), d).toBe(true);
    }
  });

  it('company domains are not free-mail', () => {
    for (const d of ['acmerobotics.com', 'globex.co.uk', 'eu.mail.globex.co.uk', 'google.com', 'mailchimp.com', 'yahooinc.com']) {
      expect(isFreeMailDomain(d), d).toBe(false);
    }
  });
});
