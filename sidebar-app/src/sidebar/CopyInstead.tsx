import { useState } from 'react';
import { Button } from '@ui';
import { copyText } from '../lib/clipboard';
import type { Host } from '../lib/host/host';
import { useT } from '../lib/i18n/i18n';

/**
 * A write the helpdesk does not let an app make (`Host.abilities`): said as it is, with the value to copy and set by
 * hand. `onCopied` runs once it is on the clipboard (the suggestion counts as used).
 */
export function CopyInstead({ what, value, host, onCopied }: { what: 'tags' | 'field'; value: string; host: Host; onCopied?: () => void }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    const copied = await copyText(value);
    setState(copied ? 'copied' : 'failed');
    if (!copied) return;
    onCopied?.();
    void host.notify?.('success', t('sidebar.host.copied', { value })).catch(() => undefined);
  };
  return (
    <div className="copy-instead">
      <p className="passage">{t(what === 'tags' ? 'sidebar.host.noTags' : 'sidebar.host.noField')}</p>
      <div className="row">
        <code>{value}</code>
        <Button size="small" onClick={() => void copy()} aria-label={t('sidebar.host.copyLabel', { value })}>{t('sidebar.host.copy')}</Button>
      </div>
      <p className="passage" role="status">{state === 'copied' ? t('sidebar.host.copied', { value }) : state === 'failed' ? t('sidebar.host.copyFailed') : ''}</p>
    </div>
  );
}
