/** A refused command's message, next to the control that sent it. */
export function ErrorText({ id, error }: { id?: string; error: string | null }) {
  return (
    <p id={id} className="form-error" role="alert">
      {error}
    </p>
  );
}
