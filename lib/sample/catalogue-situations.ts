/**
 * One account per playbook situation (and a second where the rule has two ways in), each
 * designed so that its situation is the top recommendation, with nothing louder above it.
 */
import type { AccountSpec } from './catalogue-types';

export const SITUATION_SPECS: AccountSpec[] = [
  {
    key: 'northwind', name: 'Northwind Logistics', domain: 'northwindlogistics.com', industry: 'Logistics',
    tier: 'enterprise', arr: 185_000, profile: 'strong', band: 'green', topAction: 'keep-cadence', qbrDaysAgo: 35,
    situation: 'Healthy enterprise account on cadence: monthly check-in, QBR done last month.',
  },
  {
    key: 'harborview', name: 'Harborview Health Partners', domain: 'harborviewhealth.com', industry: 'Healthcare',
    tier: 'mid-market', arr: 72_000, profile: 'strong', band: 'green', topAction: 'keep-cadence', qbrDaysAgo: 80,
    situation: 'Healthy mid-market account: keep the twice-a-year QBR rhythm.',
  },
  {
    key: 'copperleaf', name: 'Copperleaf Bakery Supply', domain: 'copperleafsupply.com', industry: 'Food distribution',
    tier: 'smb', arr: 14_000, profile: 'strong', band: 'green', topAction: 'keep-cadence',
    situation: 'Healthy SMB account on the digital, quarterly check-in motion.',
  },
  {
    key: 'tidewater', name: 'Tidewater Analytics', domain: 'tidewateranalytics.com', industry: 'Data analytics',
    tier: 'mid-market', arr: 54_000, profile: 'fair', band: 'yellow', topAction: 'save-play-reach-out', qbrDaysAgo: 90,
    situation: 'Yellow, at risk: half the seats idle and ROI not yet proven. More touches, find the gaps.',
  },
  {
    key: 'ironbridge', name: 'Ironbridge Manufacturing', domain: 'ironbridgemfg.com', industry: 'Manufacturing',
    tier: 'enterprise', arr: 150_000, profile: 'weak', band: 'red', topAction: 'save-play-escalate', qbrDaysAgo: 60,
    usage: 'declining', nps: [6, 5],
    situation: 'Red on health alone: adoption stalled, goals off track, no executive sponsor. Escalate, save play.',
  },
  {
    key: 'larkspur', name: 'Larkspur Insurance Group', domain: 'larkspurinsurance.com', industry: 'Insurance',
    tier: 'enterprise', arr: 210_000, profile: 'fair', band: 'yellow', topAction: 'renewal-at-risk',
    renewalInDays: 60, qbrDaysAgo: 50,
    situation: 'Renewal in 60 days and health yellow: the save play comes before the renewal notice.',
  },
  {
    key: 'meridian', name: 'Meridian Freight Systems', domain: 'meridianfreight.com', industry: 'Freight',
    tier: 'enterprise', arr: 132_000, profile: 'strong', band: 'green', topAction: 'renewal-stage',
    renewalInDays: 110, qbrDaysAgo: 40,
    situation: 'Renewal in 110 days, healthy: T-120, start the renewal conversation early.',
  },
  {
    key: 'solstice', name: 'Solstice Dental Group', domain: 'solsticedental.com', industry: 'Dental care',
    tier: 'mid-market', arr: 38_000, profile: 'strong', band: 'green', topAction: 'renewal-stage',
    renewalInDays: 10, qbrDaysAgo: 70,
    situation: 'Renewal in 10 days, healthy: T-14, confirm the signature, flag it to leadership if unsigned.',
  },
  {
    key: 'alderbrook', name: 'Alderbrook Credit Union', domain: 'alderbrookcu.org', industry: 'Banking',
    tier: 'mid-market', arr: 47_000, profile: 'strong', band: 'green', topAction: 'renewal-stage',
    renewalInDays: 45, qbrDaysAgo: 95,
    situation: 'Renewal in 45 days, healthy: T-60, formal notice and ROI summary to the economic buyer.',
  },
  {
    key: 'bramblewood', name: 'Bramblewood Schools', domain: 'bramblewoodschools.org', industry: 'Education',
    tier: 'mid-market', arr: 33_000, profile: 'strong', band: 'green', topAction: 'save-play-reach-out', signals: ['champion-dark'],
    championResponseDaysAgo: 14, qbrDaysAgo: 75,
    situation: 'Champion dark: no answer from the champion for 14 days. Check in personally.',
  },
  {
    key: 'quillfeather', name: 'Quillfeather Publishing', domain: 'quillfeather.com', industry: 'Publishing',
    tier: 'mid-market', arr: 61_000, profile: 'strong', band: 'green', topAction: 'save-play-reach-out', signals: ['missed-meetings'],
    missedMeetings: 2, qbrDaysAgo: 110,
    situation: 'The last two scheduled meetings were missed in a row.',
  },
  {
    key: 'redfern', name: 'Redfern Hospitality', domain: 'redfernhotels.com', industry: 'Hospitality',
    tier: 'mid-market', arr: 58_000, profile: 'strong', band: 'green', topAction: 'save-play-reach-out', signals: ['late-invoice'],
    invoiceDaysLate: 30, qbrDaysAgo: 65,
    situation: 'Invoice 30 days late on an otherwise healthy account: find out why.',
  },
  {
    key: 'sablecrest', name: 'Sablecrest Financial', domain: 'sablecrestfinancial.com', industry: 'Financial services',
    tier: 'enterprise', arr: 265_000, profile: 'strong', band: 'green', topAction: 'save-play-reach-out', signals: ['nps-drop'],
    nps: [9, 10, 7], qbrDaysAgo: 30,
    situation: 'NPS dropped from 10 to 7 in the latest survey.',
  },
  {
    key: 'pinecone', name: 'Pinecone Outdoor Co.', domain: 'pineconeoutdoor.com', industry: 'Outdoor retail',
    tier: 'smb', arr: 19_000, profile: 'fair', band: 'yellow', topAction: 'save-play-reach-out', signals: ['nps-detractor'], nps: [5, 4],
    situation: 'Detractor: the latest NPS is 4.',
  },
  {
    key: 'vantagepoint', name: 'Vantage Point Telecom', domain: 'vantagepointtel.com', industry: 'Telecommunications',
    tier: 'enterprise', arr: 178_000, profile: 'fair', band: 'yellow', topAction: 'save-play-escalate', signals: ['ticket-spike'],
    recentTickets: 12, qbrDaysAgo: 55,
    situation: 'Ticket spike: 12 tickets in the last 30 days after a routing change. Red-level signal.',
  },
  {
    key: 'orchardlane', name: 'Orchard Lane Foods', domain: 'orchardlanefoods.com', industry: 'Food production',
    tier: 'mid-market', arr: 44_000, profile: 'fair', band: 'yellow', topAction: 'save-play-reach-out', signals: ['org-change'], qbrDaysAgo: 120,
    events: [{ daysAgo: 40, type: 'layoffs', note: 'Cut 15% of staff, including two admins of our product' }],
    situation: 'Org change: layoffs 40 days ago.',
  },
  {
    key: 'keystone', name: 'Keystone Biologics', domain: 'keystonebiologics.com', industry: 'Biotech',
    tier: 'enterprise', arr: 230_000, profile: 'strong', band: 'green', topAction: 'save-play-reach-out', signals: ['org-change'], qbrDaysAgo: 25,
    events: [{ daysAgo: 70, type: 'merger', note: 'Merger with Halvorsen Bio announced; systems to be consolidated' }],
    situation: 'Org change: a merger 70 days ago puts the tool stack under review.',
  },
  {
    key: 'brightwater', name: 'Brightwater Energy', domain: 'brightwaterenergy.com', industry: 'Renewable energy',
    tier: 'enterprise', arr: 195_000, profile: 'strong', band: 'green', topAction: 'expansion-ready', qbrDaysAgo: 40,
    seatRatio: 0.91, expansionConversation: true, usage: 'growing', renewalInDays: 230,
    situation: 'Expansion-ready: ROI documented, 91% of seats in use, green for months, and they asked about more seats.',
  },
  {
    key: 'lumengrove', name: 'Lumen Grove Labs', domain: 'lumengrovelabs.com', industry: 'Software',
    tier: 'mid-market', arr: 88_000, profile: 'strong', band: 'green', topAction: 'expansion-ready', qbrDaysAgo: 60,
    seatRatio: 0.86, usage: 'growing', renewalInDays: 260,
    events: [{ daysAgo: 50, type: 'new-team', note: 'New data-platform team of 20 starting next quarter' }],
    situation: 'Expansion-ready: every condition holds, triggered by a new team 50 days ago.',
  },
  {
    key: 'cobaltridge', name: 'Cobalt Ridge Mining', domain: 'cobaltridgemining.com', industry: 'Mining',
    tier: 'enterprise', arr: 160_000, profile: 'strong', band: 'green', topAction: 'qbr-due', qbrDaysAgo: 130,
    situation: 'Enterprise account whose last QBR was 130 days ago: the quarterly QBR is overdue.',
  },
  {
    key: 'halcyon', name: 'Halcyon Travel', domain: 'halcyontravel.com', industry: 'Travel',
    tier: 'mid-market', arr: 36_000, profile: 'strong', band: 'green', topAction: 'qbr-due', qbrDaysAgo: null,
    situation: 'Mid-market account that has never had a QBR.',
  },
  {
    key: 'stonegate', name: 'Stonegate Property Management', domain: 'stonegateproperty.com', industry: 'Real estate',
    tier: 'mid-market', arr: 52_000, profile: 'strong', band: 'green', topAction: 'overdue-commitment', qbrDaysAgo: 85,
    overdueOurs: { text: 'Send the revised admin-training schedule to the regional managers', daysLate: 4 },
    situation: 'Healthy, but a commitment of ours is four days overdue: follow up on it now.',
  },
  {
    key: 'fernhill', name: 'Fernhill Architects', domain: 'fernhillarchitects.com', industry: 'Architecture',
    tier: 'smb', arr: 11_000, profile: 'sparse-green', band: 'green', topAction: 'keep-cadence',
    situation: 'Sparse data: only login frequency, seats and renewal outlook are known (2 of 5 dimensions).',
  },
  {
    key: 'driftwood', name: 'Driftwood Studios', domain: 'driftwoodstudios.com', industry: 'Design agency',
    tier: 'smb', arr: 8_500, profile: 'sparse-yellow', band: 'yellow', topAction: 'save-play-reach-out',
    situation: 'Sparse data: only usage is known (1 of 5 dimensions), and it reads weekly at best.',
  },
  {
    key: 'marigold', name: 'Marigold Pet Care', domain: 'marigoldpetcare.com', industry: 'Veterinary services',
    tier: 'smb', arr: 9_000, profile: 'empty', band: 'none', topAction: 'keep-cadence', renewalInDays: 355,
    situation: 'Signed ten days ago: no health data at all yet, so no score (never a fake 0).',
  },
];
