/** The weights' running total; an alert only while it is wrong, so it is announced once, when it matters. */
import { oneDecimal } from '@/components/insights/format';

export function WeightSum({ sum, valid }: { sum: number; valid: boolean }) {
  if (valid) {
    return (
      <p className="settings-sum settings-sum--ok" data-weight-sum={sum}>
        Weights add up to 100%
      </p>
    );
  }
  return (
    <p className="settings-sum settings-sum--bad" role="alert" data-weight-sum={sum}>
      Weights add up to {oneDecimal(sum)}%: they must total 100%
    </p>
  );
}
