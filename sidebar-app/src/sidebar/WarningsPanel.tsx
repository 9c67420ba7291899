import type { Warning } from '../lib/api/types';
import { useT } from '../lib/i18n/i18n';

/** Boundary rules: a handoff keeps the ticket with humans; a caution asks for care. Always in view: it does not fold. */
export function WarningsPanel({ warnings }: { warnings: Warning[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  const ordered = [...warnings].sort((a, b) => Number(b.action === 'handoff') - Number(a.action === 'handoff'));
  return (
    <section className="panel" aria-labelledby="warnings-h">
      <h2 id="warnings-h">{t('sidebar.warnings.title')}</h2>
      <ul className="list" role="list">
        {ordered.map((w) => {
          const handoff = w.action === 'handoff';
          return (
            <li key={`${w.ruleId}-${w.commentId ?? ''}`} className={`warning ${handoff ? 'handoff' : 'caution'}`}>
              {/* The alert sits inside the item: a list may hold only list items. */}
              <div role={handoff ? 'alert' : undefined}>
                <span className="action">{handoff ? t('sidebar.warnings.handoff') : t('sidebar.warnings.caution')}</span>{' '}
                <strong>{w.name}</strong>
              </div>
              {w.evidence && <blockquote className="clamp" aria-label={t('sidebar.warnings.evidence')} title={w.evidence}>“{w.evidence}”</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
