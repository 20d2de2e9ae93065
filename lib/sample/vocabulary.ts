/** Words the builders draw from, so generated people and records read like a real book. */

export const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carla', 'Diego', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Keiko', 'Liam',
  'Maya', 'Nikhil', 'Olivia', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Wes', 'Ximena',
  'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Chloe', 'Dmitri', 'Esther', 'Felix', 'Gemma', 'Hector', 'Isla', 'Jonas',
  'Kofi', 'Lena', 'Marco', 'Nadia', 'Owen', 'Paula', 'Rafael', 'Sofia', 'Theo', 'Uma', 'Victor', 'Willa',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Banerjee', 'Castillo', 'Duarte', 'Eriksen', 'Fischer', 'Gallagher', 'Haddad', 'Ibarra', 'Jensen',
  'Kowalski', 'Lindqvist', 'Mbeki', 'Nakamura', 'Okafor', 'Petrov', 'Quinlan', 'Rinaldi', 'Sato', 'Thornton',
  'Ueda', 'Varga', 'Whitaker', 'Xu', 'Yilmaz', 'Zimmerman', 'Achebe', 'Brennan', 'Costa', 'Delgado', 'Ekwueme',
  'Fontaine', 'Greer', 'Holloway', 'Iverson', 'Kaur', 'Laurent', 'Moreau', 'Novak', 'Osei', 'Park', 'Reyes-Lowe',
] as const;

export const TITLES = {
  champion: ['Director of Operations', 'Head of Revenue Operations', 'Operations Manager', 'Director of Customer Experience', 'Program Lead'],
  'economic-buyer': ['VP Operations', 'Chief Financial Officer', 'VP Finance', 'Chief Operating Officer'],
  'executive-sponsor': ['Chief Executive Officer', 'Chief Technology Officer', 'SVP Strategy', 'Chief Information Officer'],
  technical: ['IT Manager', 'Systems Administrator', 'Integration Engineer', 'Head of IT', 'Data Engineer'],
  user: ['Analyst', 'Team Lead', 'Coordinator', 'Account Manager', 'Specialist', 'Planner'],
} as const;

/** Account executives at the CSM's company; they made the sales promises. */
export const ACCOUNT_EXECUTIVES = [
  { name: 'Jordan Blake', email: 'jordan.blake@northpeak.io' },
  { name: 'Priscilla Nwosu', email: 'priscilla.nwosu@northpeak.io' },
  { name: 'Marcus Hale', email: 'marcus.hale@northpeak.io' },
] as const;

export const GOALS = [
  'Cut onboarding time for new staff by 30%',
  'Replace three spreadsheets with one shared dashboard',
  'Reduce manual data entry by 10 hours a week',
  'Roll the platform out to every regional office',
  'Report weekly KPIs to the board from live data',
  'Lift first-contact resolution to 80%',
  'Retire the legacy scheduling tool',
  'Shorten the month-end close by two days',
] as const;

export const TICKET_SUBJECTS = [
  'Export to CSV times out on large reports',
  'SSO login loops for some users',
  'Dashboard widgets show stale numbers',
  'Cannot add a user to a second workspace',
  'Webhook retries flood our endpoint',
  'Report scheduler sends in the wrong time zone',
  'API returns 429 during nightly sync',
  'Field mapping lost after import',
  'Mobile app crashes on attachment upload',
  'Permission error on shared folders',
] as const;

export const EMAIL_SUMMARIES = [
  'Shared the adoption report for last month',
  'Answered questions about the new permissions model',
  'Sent the recording and notes from the training session',
  'Followed up on the open support ticket',
  'Confirmed the agenda for the next check-in',
  'Introduced the new support engineer for their region',
  'Sent tips for the reporting module',
] as const;

export const CALL_SUMMARIES = [
  'Quick call on rollout to the second team',
  'Walked through the usage dashboard together',
  'Call about an integration question with their IT lead',
] as const;

export const NOTE_SUMMARIES = [
  'Champion mentioned budget planning starts next quarter',
  'Team prefers async updates over long meetings',
  'Power users asked for an advanced reporting session',
  'Procurement changes approval thresholds in the new fiscal year',
] as const;

export const MEETING_SUMMARIES = [
  'Monthly check-in',
  'Adoption review',
  'Roadmap and feedback session',
  'Admin training follow-up',
  'Success plan review',
] as const;

/** Company-name parts for the large benchmark book; combined in order, so names stay unique. */
export const COMPANY_WORDS = {
  first: [
    'Amber', 'Birch', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Garnet', 'Harbor', 'Indigo', 'Jasper', 'Kettle', 'Linden',
    'Mosaic', 'Nova', 'Onyx', 'Prairie', 'Quartz', 'Raven', 'Summit', 'Timber', 'Umber', 'Vista', 'Willow', 'Yarrow',
    'Zenith', 'Aspen', 'Beacon', 'Cobalt', 'Dune', 'Elm', 'Fjord', 'Glacier', 'Heron', 'Iris', 'Juniper', 'Kinetic',
    'Lumen', 'Maple', 'Nimbus', 'Orbit',
  ],
  second: [
    'Analytics', 'Logistics', 'Health', 'Foods', 'Robotics', 'Energy', 'Media', 'Capital', 'Labs', 'Systems',
    'Outfitters', 'Dental', 'Legal', 'Freight', 'Studios', 'Biotech', 'Insurance', 'Hotels', 'Telecom', 'Learning',
    'Solar', 'Marine', 'Pharma', 'Builders', 'Retail', 'Software', 'Aerospace', 'Farms', 'Networks', 'Partners',
  ],
  last: ['Inc.', 'Group', 'Co.', 'LLC', 'Corporation', 'Holdings', 'Ltd', 'International', 'Collective', 'Works'],
} as const;
