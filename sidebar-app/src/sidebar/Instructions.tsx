import { useId, useState } from 'react';
import { Button } from '@ui';
import { useT } from '../lib/i18n/i18n';

/** The draft API takes at most this many characters of instructions. */
export const MAX_INSTRUCTIONS = 2000;

/** Optional instructions for the next draft, behind a disclosure so the Draft button stays high in the panel. */
export function Instructions({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(value.length > 0);
  const id = useId();
  return (
    <div className="instructions">
      <Button size="small" isBasic aria-expanded={open} aria-controls={`${id}-box`} onClick={() => setOpen(!open)}>{t('sidebar.instructions.toggle')}</Button>
      <div id={`${id}-box`} className="stack" hidden={!open}>
        <label htmlFor={id} className="field-label">{t('sidebar.instructions.label')}</label>
        <textarea id={id} className="field" rows={2} maxLength={MAX_INSTRUCTIONS} value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
        <span id={`${id}-hint`} className="passage">{t('sidebar.instructions.hint')}</span>
      </div>
    </div>
  );
}
