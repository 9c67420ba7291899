import { Anchor } from '@ui';
import { colleagueCases, guidanceBySource } from '../lib/api/draft-notes';
import type { Draft } from '../lib/api/types';
import { useT } from '../lib/i18n/i18n';

/**
 * What the draft's sources say to the agent, shown apart from the insertable draft: guidance (guideline and
 * procedure steps) and how colleagues solved similar cases (past replies, with a link to the ticket). Neither
 * has an Insert button: they are for reading, not for the customer.
 */
export function DraftNotes({ draft }: { draft: Draft }) {
  const t = useT();
  const guidance = guidanceBySource(draft);
  const cases = colleagueCases(draft);
  if (guidance.length === 0 && cases.length === 0) return null;
  return (
    <div className="draft-notes">
      {guidance.length > 0 && (
        <section aria-labelledby="guidance-h">
          <h3 id="guidance-h">{t('sidebar.notes.guidance')}</h3>
          <ul className="list">
            {guidance.map((g) => (
              <li key={g.sourceId}>
                <strong>{g.url ? <Anchor href={g.url} target="_blank" rel="noreferrer" isExternal externalIconLabel={t('sidebar.link.newTab')}>{g.title}</Anchor> : g.title}</strong>
                <ul>{g.sentences.map((s) => <li key={s} className="passage">{s}</li>)}</ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {cases.length > 0 && (
        <section aria-labelledby="colleague-h">
          <h3 id="colleague-h">{t('sidebar.notes.colleague')}</h3>
          <ul className="list">
            {cases.map((c) => (
              <li key={c.sourceId}>
                <strong>#{c.sourceId} {c.title}</strong>
                <span className="passage">{c.excerpt}</span>
                {c.url && <Anchor href={c.url} target="_blank" rel="noreferrer" isExternal externalIconLabel={t('sidebar.link.newTab')}>{t('sidebar.notes.openTicket', { id: c.sourceId })}</Anchor>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
