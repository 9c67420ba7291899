import { useRef, useState } from 'react';
import { Button } from '@ui';
import type { CopilotApi } from '../lib/api/client';
import type { Triage } from '../lib/api/types';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import type { Host } from '../lib/host/host';
import { CopyInstead } from './CopyInstead';
import { splitWrite, triageVerdict, triageWrite, type TriageChoice } from './triageApply';
import { labelOf, useLocale, useT } from '../lib/i18n/i18n';
import { languageName, percent as percentOf } from '../lib/i18n/intl';
import { problemText } from './problemText';
import { useFocusNext } from './useFocusNext';

/** Intent, sentiment, priority and language as chips with their confidence; intent and priority written to the ticket in one click. */
export function TriagePanel({ ticketId, api, host, tracker }: { ticketId: number; api: CopilotApi; host: Host; tracker: FeedbackTracker }) {
  const t = useT();
  const locale = useLocale();
  const percent = (c: number) => t('triage.confidence', { value: percentOf(locale, c) });
  // "other" is unsure which intent, not sure of one: its confidence is how unsure, so it is shown as such, with the likeliest intent.
  const intentConfidence = (r: Triage) => {
    if (r.intent.value !== 'other') return percent(r.intent.confidence);
    const likeliest = (r.intentCandidates ?? []).find((c) => c.value !== 'other');
    return likeliest ? t('triage.unsureLikeliest', { intent: likeliest.value, value: percentOf(locale, likeliest.confidence) }) : t('triage.unsure');
  };
  const [triage, setTriage] = useState<Triage | null>(null);
  const [choice, setChoice] = useState<TriageChoice | null>(null);
  const [state, setState] = useState<'idle' | 'working' | 'ready' | 'applied' | 'failed'>('idle');
  const [error, setError] = useState<{ text: string; retry: boolean } | null>(null);
  // Suggest, Try again and Apply leave the screen once used: the focus goes to what replaced them.
  const focusNext = useFocusNext();
  const heading = useRef<HTMLHeadingElement>(null);
  const retry = useRef<HTMLButtonElement>(null);
  const intent = useRef<HTMLSelectElement>(null);
  const group = useRef<HTMLDivElement>(null);

  const suggest = async () => {
    setState('working');
    try {
      const result = await api.triage(ticketId);
      setTriage(result);
      setChoice({ intent: result.intent.value, priority: result.priority.value });
      setState('ready');
      focusNext(() => intent.current);
    } catch (e) {
      const failed = problemText(e, t);
      setError({ text: failed.detail ?? failed.title, retry: failed.retry });
      setState('failed');
      focusNext(() => retry.current ?? heading.current);
    }
  };
  const apply = async (suggested: Triage, c: TriageChoice) => {
    await host.applyTriage(splitWrite(triageWrite(suggested, c), host.abilities).write);
    const verdict = triageVerdict(suggested, c);
    void tracker.judge(suggested.suggestionId, verdict);
    setState('applied');
    focusNext(() => group.current);
  };

  const intents = triage ? [...new Set([triage.intent.value, ...(triage.intentCandidates ?? []).map((c) => c.value), ...Object.keys(triage.applyTo?.intentTags ?? {})])] : [];
  const write = triage && choice ? triageWrite(triage, choice) : null;
  const split = write ? splitWrite(write, host.abilities) : null;
  const writable = split && (split.write.priority || split.write.tags.length > 0 || split.write.intentField);
  return (
    <section className="panel" aria-labelledby="triage-h">
      <h2 id="triage-h" ref={heading} tabIndex={-1}>{t('triage.title')}</h2>
      {state === 'idle' && <Button size="small" onClick={() => void suggest()}>{t('triage.suggest')}</Button>}
      {state === 'working' && <p className="passage" role="status">{t('triage.working')}</p>}
      {state === 'failed' && error && <p className="passage" role="alert">{error.text}</p>}
      {state === 'failed' && error?.retry && <Button ref={retry} size="small" onClick={() => void suggest()}>{t('triage.tryAgain')}</Button>}
      {triage && choice && state !== 'idle' && state !== 'working' && (
        <div ref={group} tabIndex={-1} role="group" aria-label={t('triage.group')}>
          <div className="row chips">
            <label className="chip">{t('triage.intent')}{' '}
              <select ref={intent} value={choice.intent} disabled={state === 'applied'} onChange={(e) => setChoice({ ...choice, intent: e.target.value })} aria-label={t('triage.intent')}>
                {intents.map((i) => <option key={i} value={i}>{i}</option>)}
              </select>{' '}<span className="label">{intentConfidence(triage)}</span>
            </label>
            <label className="chip">{t('triage.priority')}{' '}
              <select value={choice.priority} disabled={state === 'applied'} onChange={(e) => setChoice({ ...choice, priority: e.target.value })} aria-label={t('triage.priority')}>
                {(triage.applyTo?.priorities ?? ['low', 'normal', 'high', 'urgent']).map((p) => <option key={p} value={p}>{labelOf(t, `sidebar.ticket.priority.${p}`, p)}</option>)}
              </select>{' '}<span className="label">{percent(triage.priority.confidence)}</span>
            </label>
            <span className="chip">{t('triage.sentiment')}: {labelOf(t, `sidebar.triage.sentiment.${triage.sentiment.value}`, triage.sentiment.value)} <span className="label">{percent(triage.sentiment.confidence)}</span></span>
            <span className="chip">{t('triage.language')}: {languageName(locale, triage.language.value)} <span className="label">{percent(triage.language.confidence)}</span></span>
          </div>
          {state === 'ready' && write && (writable
            ? <Button size="small" isPrimary onClick={() => void apply(triage, choice)}>{t('triage.apply')}</Button>
            : !split?.copyTags.length && !split?.copyField && <p className="passage">{t('triage.nowhere')}</p>)}
          {split && split.copyTags.length > 0 && <CopyInstead what="tags" value={split.copyTags.join(', ')} host={host} />}
          {split?.copyField && <CopyInstead what="field" value={split.copyField} host={host} />}
          {state === 'applied' && <p className="passage" role="status">{t('triage.applied')}</p>}
        </div>
      )}
    </section>
  );
}
