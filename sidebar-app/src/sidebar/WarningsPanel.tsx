import type { Warning } from '../lib/api/types';

/** Boundary rules: a handoff keeps the ticket with humans; a caution asks for care. */
export function WarningsPanel({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  const ordered = [...warnings].sort((a, b) => Number(b.action === 'handoff') - Number(a.action === 'handoff'));
  return (
    <section className="panel" aria-labelledby="warnings-h">
      <h2 id="warnings-h">Warnings</h2>
      <ul className="list" role="list">
        {ordered.map((w) => {
          const handoff = w.action === 'handoff';
          return (
            <li key={`${w.ruleId}-${w.commentId ?? ''}`} className={`warning ${handoff ? 'handoff' : 'caution'}`} role={handoff ? 'alert' : undefined}>
              <span className="action">{handoff ? 'Hand off to a human' : 'Caution'}</span>
              <strong>{w.name}</strong>
              {w.evidence && <blockquote aria-label="Evidence">“{w.evidence}”</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
