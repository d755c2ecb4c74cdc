export interface SwitchProps {
  checked: boolean;
  labelledBy: string;
  describedBy?: string;
  /** Locked switches (necessary) stay focusable so screen-reader users learn they exist. */
  locked?: boolean;
  onToggle?: () => void;
  /** Public hook for privacy tools (`data-consentry-switch`), see docs/privacy-tools.md. */
  hook?: string;
}

/** A real <button role="switch">: Space/Enter toggle natively, `aria-checked` carries the state. */
export function Switch({ checked, labelledBy, describedBy, locked, onToggle, hook }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="sw"
      data-consentry-switch={hook}
      aria-checked={checked ? 'true' : 'false'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-disabled={locked ? 'true' : undefined}
      onClick={locked ? undefined : onToggle}
    />
  );
}
