import type { ReactNode, Ref } from 'react';

/**
 * A sidebar section whose heading is a disclosure button (Enter or Space opens and closes it). A closed section
 * keeps its content mounted but hidden, so a draft in progress survives closing and reopening.
 */
export function Panel({ id, title, open, onToggle, actions, headingRef, children }: {
  id: string; title: string; open: boolean; onToggle: () => void; actions?: ReactNode; headingRef?: Ref<HTMLButtonElement>; children: ReactNode;
}) {
  const headingId = `${id}-h`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>
          <button ref={headingRef} type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-body`} onClick={onToggle}>
            <span className="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>{title}
          </button>
        </h2>
        {open && actions}
      </div>
      <div id={`${id}-body`} hidden={!open}>{children}</div>
    </section>
  );
}
