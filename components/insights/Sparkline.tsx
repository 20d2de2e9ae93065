/** A tiny line chart. The picture is decorative detail: its words live in the aria-label. */

export interface SparklineProps {
  values: readonly number[];
  /** Says what the series does in words; screen readers get this instead of the picture. */
  label: string;
  /** Fixed [min, max] of the value axis (e.g. 0-100 for a score); defaults to the data range. */
  domain?: readonly [number, number];
  width?: number;
  height?: number;
  className?: string;
}

const PAD = 2;

export function Sparkline({ values, label, domain, width = 96, height = 24, className }: SparklineProps) {
  const lo = domain ? domain[0] : Math.min(...values, 0);
  const hi = domain ? domain[1] : Math.max(...values, 1);
  const span = hi - lo || 1;
  const step = values.length > 1 ? (width - PAD * 2) / (values.length - 1) : 0;
  const points = values.map((v, i) => {
    const x = values.length > 1 ? PAD + i * step : width / 2;
    const y = PAD + (1 - (Math.min(Math.max(v, lo), hi) - lo) / span) * (height - PAD * 2);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  });
  const last = points[points.length - 1];
  return (
    <svg
      role="img"
      aria-label={label}
      className={['sparkline', className].filter(Boolean).join(' ')}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      focusable="false"
    >
      {points.length > 1 && (
        <polyline
          points={points.map(([x, y]) => `${x},${y}`).join(' ')}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      )}
      {last && <circle cx={last[0]} cy={last[1]} r={2} fill="currentColor" />}
    </svg>
  );
}
