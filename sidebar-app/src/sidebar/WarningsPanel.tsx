import type { Warning } from '../lib/api/types';
import { useT } from '../lib/i18n/i18n';

/** Rules that fired on the same words: one item naming them all, the words quoted once (handoffs first). */
export function sameEvidence(warnings: Warning[]): Warning[][] {
  const ordered = [...warnings].sort((a, b) => Number(b.action === 'handoff') - Number(a.action === 'handoff'));
  const items = new Map<string, Warning[]>();
  for (const w of ordered) {
    const key = w.evidence ? `${w.commentId ?? ''}\u0000${w.evidence}` : `rule\u0000${w.ruleId}`;
    items.set(key, [...(items.get(key) ?? []), w]);
  }
  return [...items.values()];
}

/** Boundary rules: a handoff keeps the ticket with humans; a caution asks for care. Always in view: it does not fold. */
export function WarningsPanel({ warnings }: { warnings: Warning[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="warnings-h">
      <h2 id="warnings-h">{t('sidebar.warnings.title')}</h2>
      <ul className="list" role="list">
        {sameEvidence(warnings).map((item) => {
          const [first] = item;
          const handoff = item.some((w) => w.action === 'handoff');
          return (
            <li key={item.map((w) => `${w.ruleId}-${w.commentId ?? ''}`).join(' ')} className={`warning ${handoff ? 'handoff' : 'caution'}`}>
              {/* The alert sits inside the item: a list may hold only list items. */}
              <div role={handoff ? 'alert' : undefined}>
                <span className="action">{handoff ? t('sidebar.warnings.handoff') : t('sidebar.warnings.caution')}</span>{' '}
                <strong>{item.map((w) => w.name).join(' · ')}</strong>
              </div>
              {first.evidence && <blockquote className="clamp" aria-label={t('sidebar.warnings.evidence')} title={first.evidence}>“{first.evidence}”</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
