import { useEffect, useRef, useState } from 'react';
import { Button } from '@ui';
import type { RewriteAction } from '../lib/api/types';
import { useT } from '../lib/i18n/i18n';

const ACTIONS: readonly RewriteAction[] = ['expand', 'shorten', 'friendlier', 'more-formal', 'fix-grammar', 'translate'];

/** A disclosure with one button per action: Tab moves through them, Escape closes. */
export function RewriteMenu({ onPick }: { onPick: (action: RewriteAction) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) first.current?.focus(); }, [open]);
  return (
    <div onKeyDown={(e) => { if (e.key === 'Escape' && open) { setOpen(false); toggle.current?.focus(); } }}>
      <Button ref={toggle} size="small" aria-expanded={open} aria-controls="rewrite-actions" onClick={() => setOpen(!open)}>{t('sidebar.rewrite.menu')} ▾</Button>
      {open && (
        <div id="rewrite-actions" className="menu" role="group" aria-label={t('sidebar.rewrite.group')}>
          {ACTIONS.map((action, i) => (
            <Button key={action} ref={i === 0 ? first : undefined} size="small" isBasic onClick={() => { setOpen(false); onPick(action); toggle.current?.focus(); }}>{t(`sidebar.rewrite.${action}`)}</Button>
          ))}
        </div>
      )}
    </div>
  );
}
