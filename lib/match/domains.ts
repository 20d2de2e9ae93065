/**
 * Domains for matching. People write from subdomains (eu.mail.globex.co.uk) while accounts list
 * the company's registrable domain (globex.co.uk), so both sides are reduced with the public
 * suffix list before they are compared.
 */
import { getDomain, parse } from 'tldts';

/** The host part of an email address, or the input itself when it has no `@`. */
function hostPart(hostOrEmail: string): string {
  const s = hostOrEmail.trim().toLowerCase();
  const at = s.lastIndexOf('@');
  return (at >= 0 ? s.slice(at + 1) : s).replace(/^\.+|\.+$/g, '');
}

/**
 * `eu.mail.globex.co.uk` or `tom@eu.mail.globex.co.uk` -> `globex.co.uk`. Hosts the suffix list
 * cannot reduce (localhost, intranet names, IPs) come back lower-cased as they are; empty -> null.
 */
export function registrableDomain(hostOrEmail: string): string | null {
  const host = hostPart(hostOrEmail);
  if (!host) return null;
  return getDomain(host) ?? host;
}

/** Providers whose domain says nothing about the employer: they never match an account by domain. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'msn.com',
  'passport.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'pm.me',
  'protonmail.com',
  'protonmail.ch',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'tutamail.com',
  'mail.com',
  'email.com',
  'usa.com',
  'zoho.com',
  'zohomail.com',
  'zohomail.eu',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'duck.com',
  'mailbox.org',
  'posteo.de',
  'posteo.net',
  'hushmail.com',
  'rocketmail.com',
  'ymail.com',
  'yopmail.com',
  'mailinator.com',
  'guerrillamail.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'rambler.ru',
  'ya.ru',
  'web.de',
  't-online.de',
  'freenet.de',
  'arcor.de',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'onet.pl',
  'rediffmail.com',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'ntlworld.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'cox.net',
  'charter.net',
  'earthlink.net',
  'optonline.net',
  'shaw.ca',
  'rogers.com',
  'sympatico.ca',
  'bigpond.com',
  'optusnet.com.au',
  'xtra.co.nz',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'telenet.be',
  'skynet.be',
  'ziggo.nl',
  'kpnmail.nl',
]);

/** Providers that run the same free service under many country suffixes (hotmail.co.uk, yahoo.fr, gmx.de). */
const FREE_MAIL_ANY_SUFFIX = new Set(['hotmail', 'outlook', 'live', 'windowslive', 'yahoo', 'gmx', 'yandex', 'aol']);

/** Takes a domain, host or email; subdomains count as their registrable domain. */
export function isFreeMailDomain(hostOrEmail: string): boolean {
  const domain = registrableDomain(hostOrEmail);
  if (!domain) return false;
  if (FREE_MAIL.has(domain)) return true;
  const label = parse(domain).domainWithoutSuffix;
  return label !== null && FREE_MAIL_ANY_SUFFIX.has(label);
}
