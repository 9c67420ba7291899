import { useState } from 'react';
import { Button } from '@ui';
import type { Warning } from '../lib/api/types';
import type { HandoffStep, Host } from '../lib/host/host';
import { useT, type Translate } from '../lib/i18n/i18n';
import { CopyInstead } from './CopyInstead';

interface Step { key: string; label: string; step: HandoffStep; how: string }

/** The steps each fired rule's admin set: one click each, taken through the helpdesk's workspace and recorded as used. */
export function stepsFor(w: Warning, t: Translate): Step[] {
  const way = w.wayForward;
  if (!way) return [];
  const steps: Step[] = [];
  const note = t('way.noteText', { rule: w.name }) + (w.evidence ? ` ${t('way.evidence', { evidence: w.evidence })}` : '');
  if (way.groupId) steps.push({ key: `${w.ruleId}:group`, label: t('way.group', { name: way.groupName ?? t('way.groupId', { id: String(way.groupId) }) }), step: { kind: 'group', groupId: way.groupId }, how: `${w.ruleId}: assigned to group ${way.groupId}` });
  if (way.tags?.length) steps.push({ key: `${w.ruleId}:tags`, label: t('way.tags', { tags: way.tags.join(', ') }), step: { kind: 'tags', tags: way.tags }, how: `${w.ruleId}: added tags` });
  if (way.internalNote) steps.push({ key: `${w.ruleId}:note`, label: t('way.note'), step: { kind: 'note', text: note }, how: `${w.ruleId}: added internal note` });
  return steps;
}

export function WayForwardPanel({ warnings, host, onStep }: { warnings: Warning[]; host: Host; onStep: (how: string) => void }) {
  const t = useT();
  const [done, setDone] = useState<Set<string>>(new Set());
  const withSteps = warnings.filter((w) => stepsFor(w, t).length > 0);
  if (withSteps.length === 0) return null;
  const take = async (s: Step) => {
    await host.takeStep(s.step);
    setDone((d) => new Set(d).add(s.key));
    onStep(s.how);
  };
  return (
    <section className="panel" aria-labelledby="way-h">
      <h2 id="way-h">{t('way.title')}</h2>
      {withSteps.map((w) => (
        <div key={w.ruleId} role="group" aria-label={`${t('way.title')}: ${w.name}`}>
          <p className="label">{w.name}</p>
          <div className="row">
            {stepsFor(w, t).map((s) => (s.step.kind === 'tags' && host.abilities?.tags === false
              ? <CopyInstead key={s.key} what="tags" value={s.step.tags.join(', ')} host={host} onCopied={() => onStep(`${w.ruleId}: copied tags`)} />
              : (
                <Button key={s.key} size="small" disabled={done.has(s.key)} onClick={() => void take(s)}>
                  {done.has(s.key) ? t('way.done', { step: s.label }) : s.label}
                </Button>
              )))}
          </div>
        </div>
      ))}
    </section>
  );
}
