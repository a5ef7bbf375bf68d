interface SubmitButtonProps {
  label: string;
  /** Shown while the form is being sent; the button is disabled meanwhile. */
  pendingLabel?: string;
  pending?: boolean;
  secondary?: boolean;
  small?: boolean;
  /** The whole width of the form (the sign-in card). */
  block?: boolean;
}

/** A form's submit button, disabled and relabelled while the form is sent. */
export function SubmitButton({ label, pendingLabel, pending = false, secondary = false, small = false, block = false }: SubmitButtonProps) {
  const className = ['button', secondary ? 'button--secondary' : 'button--primary', small ? 'button--small' : '', block ? 'button--block' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}
