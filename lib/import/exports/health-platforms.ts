/**
 * Customer health exports from Gainsight (Company, Overall Score, NPS, ARR, Renewal Date, CSM),
 * ChurnZero (Account Name, ChurnScore, NPS Score, Total Contract Amount, Next Renewal Date) and
 * Totango (Account Name, Health, Contract Value, Contract Renewal Date), by their headers.
 */
import type { ExportLayout } from './fields';

/** Mirrors a Gainsight company health export (Company, Overall Score, NPS, ARR, Renewal Date, CSM). */
const gainsight: ExportLayout = {
  id: 'gainsight-health',
  label: 'Gainsight health export',
  signature: ['Company', 'Overall Score'],
  columns: {
    Company: 'account.name',
    'Company Name': 'account.name',
    'Overall Score': 'account.healthScore',
    NPS: 'account.nps',
    ARR: 'account.arr',
    'Renewal Date': 'account.renewalDate',
    CSM: 'account.owner',
    Domain: 'account.website',
    'Score Date': 'account.scoreDate',
  },
};

/** Mirrors a ChurnZero accounts export (Account Name, ChurnScore, NPS Score, Total Contract Amount, Next Renewal Date, Owner). */
const churnzero: ExportLayout = {
  id: 'churnzero-health',
  label: 'ChurnZero health export',
  signature: ['Account Name', 'ChurnScore'],
  columns: {
    'Account Name': 'account.name',
    'Account External ID': 'account.id',
    ChurnScore: 'account.healthScore',
    'NPS Score': 'account.nps',
    'Total Contract Amount': 'account.arr',
    'Next Renewal Date': 'account.renewalDate',
    Owner: 'account.owner',
  },
};

/** Mirrors a Totango accounts export (Account Name, Health, Contract Value, Contract Renewal Date, Success Manager). */
const totango: ExportLayout = {
  id: 'totango-health',
  label: 'Totango health export',
  signature: ['Account Name', 'Health', 'Contract Renewal Date'],
  columns: {
    'Account Name': 'account.name',
    Health: 'account.healthScore',
    'Contract Value': 'account.arr',
    'Contract Renewal Date': 'account.renewalDate',
    'Success Manager': 'account.owner',
    NPS: 'account.nps',
  },
};

export const HEALTH_LAYOUTS = [gainsight, churnzero, totango];
