export interface SwitchProps {
  checked: boolean;
  labelledBy: string;
  describedBy?: string;
  /** Locked switches (necessary) stay focusable so screen-reader users learn they exist. */
  locked?: boolean;
  onToggle?: () => void;
}

/** A real <button role="switch">: Space/Enter toggle natively, `aria-checked` carries the state. */
export function Switch({ checked, labelledBy, describedBy, locked, onToggle }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="sw"
      aria-checked={checked ? 'true' : 'false'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-disabled={locked ? 'true' : undefined}
      onClick={locked ? undefined : onToggle}
    />
  );
}
