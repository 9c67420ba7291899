import { Anchor, Button } from '@zendeskgarden/react-buttons';
import type { Source } from '../lib/api/types';
import type { Host } from '../lib/host/host';

export function SourcesPanel({ title, kind, items, host }: { title: string; kind: 'article' | 'macro' | 'ticket'; items: Source[]; host: Host }) {
  const id = `${kind}-h`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="passage">Nothing relevant found.</p>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={item.sourceId}>
              <strong>{kind === 'ticket' ? `#${item.sourceId} ` : ''}{item.title}</strong>
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
