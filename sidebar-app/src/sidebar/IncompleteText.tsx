/**
 * What a draft or answer stream had sent before it was cut off: shown so the agent can read it, marked incomplete, and
 * offered to nothing that would use it as the whole text.
 */
export function IncompleteText({ id, text, note, label }: { id: string; text: string; note: string; label: string }) {
  return (
    <>
      <p id={id} className="label error">{note}</p>
      <div className="draft-text incomplete" tabIndex={0} aria-label={label} aria-describedby={id}>{text}</div>
    </>
  );
}
