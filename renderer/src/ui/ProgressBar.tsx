interface ProgressBarProps {
  /** 0..100 */
  percent: number;
  label: string;
  valueText: string;
}

/**
 * role=progressbar with its value for assistive technology; the bar itself is an SVG whose width is an
 * attribute, because the CSP allows no inline styles.
 */
export function ProgressBar({ percent, label, valueText }: ProgressBarProps) {
  const value = Math.min(100, Math.max(0, Math.round(percent)));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <svg className="progress__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="progress__track" x="0" y="0" width="100" height="8" />
        <rect className="progress__fill" x="0" y="0" width={value} height="8" />
      </svg>
      <span className="progress__percent" aria-hidden="true">
        {value} %
      </span>
    </div>
  );
}
