import type { Assist } from '../lib/api/types';
import { useT } from '../lib/i18n/i18n';
import { Panel } from './Panel';

/** The team's procedures for the ticket's intent, as the steps to follow; nothing when none is written for it. */
export function ProcedurePanel({ assist, open, onToggle }: { assist: Assist; open: boolean; onToggle: () => void }) {
  const t = useT();
  const procedures = assist.procedures ?? [];
  if (procedures.length === 0) return null;
  return (
    <Panel id="procedure" title={t('sidebar.procedure.title')} open={open} onToggle={onToggle}>
      {procedures.map((p) => (
        <div key={p.id} className="stack">
          <h3 className="subhead">{p.title}</h3>
          <p className="label">{t('sidebar.procedure.caption', { value: p.intent, id: String(p.version) })}</p>
          <ol className="steps">{p.steps.map((step, i) => <li key={i}>{step}</li>)}</ol>
        </div>
      ))}
    </Panel>
  );
}
