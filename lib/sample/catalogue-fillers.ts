/**
 * The rest of a realistic book: mostly healthy accounts on cadence and a few in yellow
 * that want more touches. They round the book out to about fifty accounts, the size a
 * CSM actually carries, and raise no signal beyond the one their band implies.
 */
import type { AccountSpec, HealthProfile, Tier } from './catalogue-types';

type Filler = [key: string, name: string, domain: string, industry: string, tier: Tier, arr: number, profile: HealthProfile];

const FILLERS: Filler[] = [
  ['silverline', 'Silverline Medical Devices', 'silverlinemed.com', 'Medical devices', 'enterprise', 205_000, 'strong'],
  ['crescentbay', 'Crescent Bay Seafood', 'crescentbayseafood.com', 'Food distribution', 'smb', 12_500, 'strong'],
  ['evergreenlegal', 'Evergreen Legal LLP', 'evergreenlegal.com', 'Legal services', 'mid-market', 49_000, 'strong'],
  ['foxglove', 'Foxglove Cosmetics', 'foxglovecosmetics.com', 'Consumer goods', 'mid-market', 63_000, 'fair'],
  ['granitestate', 'Granite State Plumbing', 'granitestateplumbing.com', 'Home services', 'smb', 7_800, 'strong'],
  ['highland', 'Highland Cloudworks', 'highlandcloudworks.io', 'Cloud hosting', 'mid-market', 91_000, 'strong'],
  ['juniperstreet', 'Juniper Street Bank', 'juniperstreetbank.com', 'Banking', 'enterprise', 340_000, 'strong'],
  ['kestrel', 'Kestrel Aerospace', 'kestrelaero.com', 'Aerospace', 'enterprise', 275_000, 'fair'],
  ['lighthouse', 'Lighthouse Learning', 'lighthouselearning.org', 'Education', 'smb', 16_000, 'fair'],
  ['maplestone', 'Maplestone Hotels', 'maplestonehotels.com', 'Hospitality', 'mid-market', 57_000, 'strong'],
  ['nimbus', 'Nimbus Weather Data', 'nimbusweatherdata.com', 'Data services', 'smb', 21_000, 'strong'],
  ['oakhurst', 'Oakhurst Veterinary', 'oakhurstvet.com', 'Veterinary services', 'smb', 6_500, 'strong'],
  ['pelicanpoint', 'Pelican Point Marine', 'pelicanpointmarine.com', 'Marine services', 'mid-market', 29_000, 'fair'],
  ['quarryhill', 'Quarry Hill Construction', 'quarryhillbuild.com', 'Construction', 'mid-market', 76_000, 'strong'],
  ['riverstone', 'Riverstone Pharmacy', 'riverstonepharmacy.com', 'Pharmacy retail', 'mid-market', 41_000, 'strong'],
  ['saffrontable', 'Saffron Table Restaurants', 'saffrontable.com', 'Restaurants', 'smb', 13_000, 'fair'],
  ['upland', 'Upland Agritech', 'uplandagritech.com', 'Agriculture technology', 'enterprise', 142_000, 'strong'],
  ['verdant', 'Verdant Solar', 'verdantsolar.com', 'Solar installation', 'mid-market', 66_000, 'fair'],
  ['willowmere', 'Willowmere Senior Living', 'willowmereliving.com', 'Senior care', 'mid-market', 53_000, 'strong'],
  ['wrenfield', 'Wrenfield Software', 'wrenfieldsoftware.com', 'Software', 'smb', 18_500, 'strong'],
  ['zephyr', 'Zephyr Wind Systems', 'zephyrwind.com', 'Wind energy', 'enterprise', 198_000, 'strong'],
];

export const FILLER_SPECS: AccountSpec[] = FILLERS.map(([key, name, domain, industry, tier, arr, profile]) =>
  profile === 'strong'
    ? { key, name, domain, industry, tier, arr, profile, band: 'green', topAction: 'keep-cadence', situation: 'Healthy and on cadence.' }
    : {
        key,
        name,
        domain,
        industry,
        tier,
        arr,
        profile,
        band: 'yellow',
        topAction: 'save-play-reach-out',
        situation: 'Yellow: adoption and outcomes lag. More touches, find the gaps.',
      },
);
