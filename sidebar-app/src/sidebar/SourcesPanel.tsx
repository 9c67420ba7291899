import { Anchor, Button } from '@zendeskgarden/react-buttons';
import type { MatchStatus, Source } from '../lib/api/types';
import type { Host } from '../lib/host/host';
import { languageTag, matchNote } from './matchNote';

export function SourcesPanel({ title, kind, items, status, host }: { title: string; kind: 'article' | 'macro' | 'ticket'; items: Source[]; status?: MatchStatus; host: Host }) {
  const id = `${kind}-h`;
  const note = matchNote(status, items.length);
  const otherLanguage = status === 'other-language';
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className={otherLanguage ? 'label other-language' : 'passage'}>{note}</p>}
      {items.length > 0 && (
        <ul className="list">
          {items.map((item) => (
            <li key={item.sourceId}>
              <strong>{kind === 'ticket' ? `#${item.sourceId} ` : ''}{item.title}</strong>
              {otherLanguage && languageTag(item.locale) && (
                <span className="label other-language" aria-label={`In another language: ${item.locale}`}> {languageTag(item.locale)}</span>
              )}
              {item.passage && <span className="passage">{item.passage}</span>}
              <div className="row">
                {kind === 'article' && item.url && (
                  <>
                    <Button size="small" onClick={() => void host.appendText(`${item.title}: ${item.url}`)} aria-label={`Insert link to ${item.title}`}>Insert link</Button>
                    <Anchor href={item.url} target="_blank" rel="noreferrer" isExternal>Open</Anchor>
                  </>
                )}
                {kind === 'macro' && item.passage && (
                  <Button size="small" onClick={() => void host.appendText(item.passage!)} aria-label={`Insert macro ${item.title}`}>Insert</Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
