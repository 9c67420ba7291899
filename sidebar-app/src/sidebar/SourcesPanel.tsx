import type { ReactNode } from 'react';
import { Anchor, Button } from '@ui';
import type { MatchStatus, Source } from '../lib/api/types';
import type { Host } from '../lib/host/host';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { useLocale, useT } from '../lib/i18n/i18n';
import { languageName } from '../lib/i18n/intl';
import { languageTag, matchNote } from './matchNote';
import { Panel } from './Panel';

const TITLES = { article: 'sidebar.sources.articles', macro: 'sidebar.sources.macros', ticket: 'sidebar.sources.similarTickets' } as const;

/**
 * A list of sources. Using one — inserting a link or a macro, opening an article or a similar ticket — is
 * recorded as the list's suggestion being used (once the display has been recorded and has an id).
 */
export function SourcesPanel({ kind, items, status, host, suggestionId, tracker, open, onToggle, macroAction }: {
  kind: 'article' | 'macro' | 'ticket'; items: Source[]; status?: MatchStatus; host: Host; suggestionId?: string | null; tracker: FeedbackTracker;
  open: boolean; onToggle: () => void;
  /** How a macro is applied (preview, then the helpdesk applies it); without it, its text is inserted. */
  macroAction?: (item: Source, used: (how: string) => void) => ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const used = (how: string) => { if (suggestionId) void tracker.used(suggestionId, how); };
  const note = matchNote(status, items.length);
  const otherLanguage = status === 'other-language';
  return (
    <Panel id={kind} title={t(TITLES[kind])} open={open} onToggle={onToggle}>
      {note && <p className={otherLanguage ? 'label other-language' : 'passage'}>{t(note)}</p>}
      {items.length > 0 && (
        <ul className="list">
          {items.map((item) => (
            <li key={item.sourceId}>
              <strong>{kind === 'ticket' ? `#${item.sourceId} ` : ''}{item.title}</strong>
              {otherLanguage && languageTag(item.locale) && (
                <span className="label other-language" aria-label={t('sidebar.sources.inLanguage', { language: languageName(locale, item.locale) })}> {languageTag(item.locale)}</span>
              )}
              {item.passage && <span className="passage">{item.passage}</span>}
              <div className="row">
                {kind === 'article' && item.url && (
                  <>
                    <Button size="small" onClick={() => { used(`inserted link ${item.sourceId}`); void host.appendText(`${item.title}: ${item.url}`); }} aria-label={t('sidebar.sources.insertLinkLabel', { title: item.title })}>{t('sidebar.sources.insertLink')}</Button>
                    <Anchor href={item.url} target="_blank" rel="noreferrer" isExternal externalIconLabel={t('sidebar.link.newTab')} onClick={() => used(`opened ${item.sourceId}`)}>{t('sidebar.sources.open')}</Anchor>
                  </>
                )}
                {kind === 'macro' && macroAction && macroAction(item, used)}
                {kind === 'macro' && !macroAction && item.passage && (
                  <Button size="small" onClick={() => { used(`inserted macro ${item.sourceId}`); void host.appendText(item.passage); }} aria-label={t('sidebar.sources.insertMacroLabel', { title: item.title })}>{t('sidebar.sources.insertMacro')}</Button>
                )}
                {kind === 'ticket' && item.url && (
                  <Anchor href={item.url} target="_blank" rel="noreferrer" isExternal externalIconLabel={t('sidebar.link.newTab')} onClick={() => used(`opened ticket ${item.sourceId}`)} aria-label={t('sidebar.sources.openTicketLabel', { id: item.sourceId })}>{t('sidebar.sources.open')}</Anchor>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
