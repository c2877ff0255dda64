// A tiny line of one KPI per day, drawn as inline SVG (one chart per tile would cost twelve
// ECharts instances). Limits: shape only, no axes; gaps where a day has no value.

export interface SparklineProps {
  readonly values: readonly (number | null)[];
  readonly label: string;
  readonly color?: string;
}

const W = 120;
const H = 32;

export function Sparkline({ values, label, color = '#2f6db5' }: SparklineProps) {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (nums.length < 2) return <span className="sparkline-empty" aria-hidden="true" />;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const span = hi - lo || 1;
  const step = values.length > 1 ? W / (values.length - 1) : W;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (H - 3 - ((v - lo) / span) * (H - 6)).toFixed(1);
    current += `${current ? 'L' : 'M'}${x},${y}`;
  });
  if (current) segments.push(current);
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <path d={segments.join(' ')} fill="none" stroke={color} strokeWidth="1.8" />
    </svg>
  );
}
