import type { SignalRule } from '../types';

/** More than the threshold: 15 days late exactly is no signal. */
export const lateInvoice: SignalRule = ({ data, settings }) => {
  const daysLate = data.account.invoice?.daysLate;
  if (daysLate === undefined || !(daysLate > settings.signals.lateInvoiceDays)) return [];
  return [{ id: 'late-invoice', level: 'yellow', title: 'Late invoice', detail: `Invoice ${daysLate} days late` }];
};
