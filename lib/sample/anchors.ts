/**
 * Sample-book accounts and people that the demo host pages (tests/fixtures/hosts) show.
 * The sample book must contain them exactly as written here so that the demo and the
 * end-to-end tests find the right account on each page.
 */
export const SAMPLE_USER = {
  name: 'Casey Morgan',
  email: 'casey.morgan@northpeak.io',
  /** The CSM's own company: its domain never matches an account. */
  ownDomain: 'northpeak.io',
};

export const ANCHORS = {
  acme: {
    accountId: 'sample-acme',
    name: 'Acme Robotics',
    domain: 'acmerobotics.com',
    salesforceId15: '001Dn00000Xk1AB',
    salesforceId18: '001Dn00000Xk1ABIAZ',
    hubspotCompanyId: '9001',
    champion: {
      id: 'sample-acme-c1',
      name: 'Dana Whitfield',
      email: 'dana.whitfield@acmerobotics.com',
      salesforceId18: '003Dn00000Ab1CDIAZ',
      hubspotContactId: '5101',
    },
    economicBuyer: {
      id: 'sample-acme-c2',
      name: 'Raj Patel',
      email: 'raj.patel@acmerobotics.com',
      salesforceId18: '003Dn00000Rp7QZIAZ',
      hubspotContactId: '5102',
    },
    opportunitySalesforceId18: '006Dn00000Op3XYIAZ',
    caseSalesforceId18: '500Dn00000Cs9TUIAZ',
    dealHubspotId: '7301',
  },
  globex: {
    accountId: 'sample-globex',
    name: 'Globex Corporation',
    /** People write from eu.mail.globex.co.uk: the registrable domain is globex.co.uk. */
    domain: 'globex.co.uk',
    salesforceId15: '001Dn00000Gx2EU',
    salesforceId18: '001Dn00000Gx2EUIAZ',
    hubspotCompanyId: '9002',
    contact: { id: 'sample-globex-c1', name: 'Hannah Kirby', email: 'hannah.kirby@globex.co.uk' },
    /** Writes from a subdomain and is not a stored contact: matched by registrable domain. */
    subdomainSender: { name: 'Tom Reyes', email: 'tom.reyes@eu.mail.globex.co.uk' },
  },
  /** Two accounts share initech.com: a thread from an unknown initech.com person is ambiguous. */
  initechUs: { accountId: 'sample-initech-us', name: 'Initech (US)', domain: 'initech.com', salesforceId18: '001Dn00000In7USIAZ' },
  initechEmea: { accountId: 'sample-initech-emea', name: 'Initech EMEA', domain: 'initech.com', salesforceId18: '001Dn00000In8EMIAZ' },
  initechStranger: { name: 'Bill Lumbergh', email: 'bill.lumbergh@initech.com' },
  /** A free-mail sender who is no stored contact: never matched by domain. */
  freeMailStranger: { name: 'Pat Doe', email: 'pat.doe.consulting@gmail.com' },
} as const;
