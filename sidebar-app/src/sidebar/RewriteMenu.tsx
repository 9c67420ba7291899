import { useEffect, useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { RewriteAction } from '../lib/api/types';

const ACTIONS: [RewriteAction, string][] = [
  ['expand', 'Expand'],
  ['shorten', 'Shorten'],
  ['friendlier', 'Friendlier'],
  ['more-formal', 'More formal'],
  ['fix-grammar', 'Fix grammar'],
  ['translate', 'Translate to the customer’s language'],
];

/** A disclosure with one button per action: Tab moves through them, Escape closes. */
export function RewriteMenu({ onPick }: { onPick: (action: RewriteAction) => void }) {
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) first.current?.focus(); }, [open]);
  return (
    <div onKeyDown={(e) => { if (e.key === 'Escape' && open) { setOpen(false); toggle.current?.focus(); } }}>
      <Button ref={toggle} size="small" aria-expanded={open} aria-controls="rewrite-actions" onClick={() => setOpen(!open)}>Rewrite ▾</Button>
      {open && (
        <div id="rewrite-actions" className="menu" role="group" aria-label="Rewrite the draft">
          {ACTIONS.map(([action, label], i) => (
            <Button key={action} ref={i === 0 ? first : undefined} size="small" isBasic onClick={() => { setOpen(false); onPick(action); toggle.current?.focus(); }}>{label}</Button>
          ))}
        </div>
      )}
    </div>
  );
}
