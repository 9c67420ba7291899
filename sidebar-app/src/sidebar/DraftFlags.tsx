import { useEffect, useRef } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { ShownFlag } from './draftFlags';

const STRINGS = {
  heading: 'Check before inserting',
  promise: (kind: string) => `Promise · ${kind} · confirm before inserting`,
  confirmTitle: 'This draft makes a promise',
  confirmBody: 'Insert it only if you can keep every promise above. The customer will read it as a commitment.',
  confirm: 'Confirm and insert',
  cancel: 'Cancel',
};

/** What the guardrails found in the draft, each with its reason and the words it is about. */
export function DraftFlags({ flags }: { flags: ShownFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <div className="draft-flags" role="region" aria-labelledby="draft-flags-h">
      <h3 id="draft-flags-h">{STRINGS.heading}</h3>
      <ul className="list">
        {flags.map((f, i) => (
          <li key={i} className={f.promise ? 'flag promise' : 'flag'}>
            {f.promise && <strong className="flag-kind">{STRINGS.promise(f.promise)}</strong>}
            {f.span && <q className="flag-span">{f.span}</q>}
            <span>{f.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The confirm step before inserting a draft that promises something; focus lands on it. */
export function ConfirmPromise({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => { confirm.current?.focus(); }, []);
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-h" aria-describedby="confirm-d"
      onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <h3 id="confirm-h">{STRINGS.confirmTitle}</h3>
      <p id="confirm-d">{STRINGS.confirmBody}</p>
      <div className="row">
        <Button ref={confirm} size="small" isPrimary isDanger onClick={onConfirm}>{STRINGS.confirm}</Button>
        <Button size="small" isBasic onClick={onCancel}>{STRINGS.cancel}</Button>
      </div>
    </div>
  );
}
