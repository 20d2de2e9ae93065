/**
 * The field mapping the options page edits: one property or field name per Glance fact, turned into
 * each connector's full mapping on top of its defaults. Pure.
 */
import { DEFAULT_FIELD_MAPPING as HUBSPOT_DEFAULTS, type HubSpotFieldMapping } from '../connectors/hubspot/mapping';
import { DEFAULT_FIELD_MAPPING as SALESFORCE_DEFAULTS, mappingProblem, type SalesforceFieldMapping } from '../connectors/salesforce/map';
import type { MappingFields, SourceId } from './types';

export const MAPPING_LABELS: Record<keyof MappingFields, string> = {
  owner: 'CSM owner',
  health: 'Health score',
  nps: 'NPS',
  arr: 'ARR',
  renewalDate: 'Renewal date',
  tier: 'Tier',
};

export function defaultMappingFields(source: SourceId): MappingFields {
  if (source === 'hubspot') {
    const c = HUBSPOT_DEFAULTS.company;
    return {
      owner: 'hubspot_owner_id',
      health: c.health ?? '',
      nps: c.nps ?? '',
      arr: c.arr.join(', '),
      renewalDate: c.renewalDate ?? '',
      tier: c.tier ?? '',
    };
  }
  const a = SALESFORCE_DEFAULTS.account;
  return { owner: 'OwnerId', health: a.healthScore ?? '', nps: '', arr: a.arr ?? '', renewalDate: a.renewalDate ?? '', tier: a.tier ?? '' };
}

export function mappingFieldsOf(source: SourceId, stored: Partial<MappingFields> | undefined): MappingFields {
  const defaults = defaultMappingFields(source);
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof MappingFields)[]) if (typeof stored?.[key] === 'string') out[key] = stored[key]!.trim();
  return out;
}

const HUBSPOT_PROPERTY = /^[a-z0-9_]{1,100}$/i;

/** What is wrong with an edited mapping, naming the field, or null. */
export function mappingFieldsProblem(source: SourceId, fields: MappingFields): string | null {
  if (source === 'hubspot') {
    for (const [key, value] of Object.entries(fields) as [keyof MappingFields, string][]) {
      const names = key === 'arr' ? value.split(/\s*,\s*/).filter(Boolean) : value ? [value] : [];
      const bad = names.find((n) => !HUBSPOT_PROPERTY.test(n));
      if (bad)
        return `${MAPPING_LABELS[key]}: "${bad}" is not a HubSpot property name (internal names are letters, digits and _ , e.g. health_score)`;
    }
    return null;
  }
  return mappingProblem(toSalesforceMapping(fields))?.replace(/\(mapped to (\w+)\)/, (_, k: string) => `(${k})`) ?? null;
}

const orUndefined = (v: string) => v || undefined;

export function toHubSpotMapping(fields: MappingFields): HubSpotFieldMapping {
  return {
    ...HUBSPOT_DEFAULTS,
    company: {
      ...HUBSPOT_DEFAULTS.company,
      owner: orUndefined(fields.owner),
      arr: fields.arr.split(/\s*,\s*/).filter(Boolean),
      health: orUndefined(fields.health),
      nps: orUndefined(fields.nps),
      renewalDate: orUndefined(fields.renewalDate),
      tier: orUndefined(fields.tier),
    },
  };
}

export function toSalesforceMapping(fields: MappingFields): SalesforceFieldMapping {
  const orNull = (v: string) => v || null;
  return {
    ...SALESFORCE_DEFAULTS,
    account: {
      ...SALESFORCE_DEFAULTS.account,
      // OwnerId is always read; naming it again would only repeat it in the SOQL.
      owner: fields.owner && fields.owner !== 'OwnerId' ? fields.owner : null,
      arr: orNull(fields.arr),
      healthScore: orNull(fields.health),
      nps: orNull(fields.nps),
      renewalDate: orNull(fields.renewalDate),
      tier: orNull(fields.tier),
    },
  };
}
