import { useEffect, useRef } from 'react';
import { Button } from '@ui';
import { useT, type Translate } from '../lib/i18n/i18n';
import type { ShownFlag } from './draftFlags';

/** A finding in the agent's words; the backend's sentence when the finding has no code (older servers) or says more. */
function flagText(f: ShownFlag, t: Translate): { text: string; more?: string } {
  if (!f.code) return { text: f.reason };
  const text = t(`sidebar.flag.${f.code}`, { span: f.span ?? '', kind: f.promise ? t(`sidebar.promise.${f.promise}`) : '' });
  // Which checks an offline draft failed is only in the backend's sentence (English).
  return f.code === 'check-before-sending' ? { text, more: f.reason } : { text };
}

/** What the guardrails found in the draft, each with its reason and the words it is about. */
export function DraftFlags({ flags }: { flags: ShownFlag[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <div className="draft-flags" role="region" aria-labelledby="draft-flags-h">
      <h3 id="draft-flags-h">{t('sidebar.flags.heading')}</h3>
      <ul className="list">
        {flags.map((f, i) => {
          const { text, more } = flagText(f, t);
          return (
            <li key={i} className={f.promise ? 'flag promise' : 'flag'}>
              {f.promise && <strong className="flag-kind">{t('sidebar.flags.promise', { kind: t(`sidebar.promise.${f.promise}`) })}</strong>}
              {f.span && <q className="flag-span">{f.span}</q>}
              <span>{text}</span>
              {more && <span className="passage" lang="en">{more}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The confirm step before inserting a draft that promises something; focus lands on it. */
export function ConfirmPromise({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => { confirm.current?.focus(); }, []);
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-h" aria-describedby="confirm-d"
      onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <h3 id="confirm-h">{t('sidebar.flags.confirmTitle')}</h3>
      <p id="confirm-d">{t('sidebar.flags.confirmBody')}</p>
      <div className="row">
        <Button ref={confirm} size="small" isPrimary isDanger onClick={onConfirm}>{t('sidebar.flags.confirm')}</Button>
        <Button size="small" isBasic onClick={onCancel}>{t('sidebar.flags.cancel')}</Button>
      </div>
    </div>
  );
}
