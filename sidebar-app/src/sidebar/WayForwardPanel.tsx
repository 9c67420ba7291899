import { useState } from 'react';
import { Button } from '@ui';
import type { Warning } from '../lib/api/types';
import type { HandoffStep, Host } from '../lib/host/host';
import { useT, type Translate } from '../lib/i18n/i18n';
import { CopyInstead } from './CopyInstead';
import { sameEvidence } from './WarningsPanel';

/** One click, taken through the helpdesk's workspace and recorded as used (`how`), for the rules it serves (`rules`, ids joined by "+"). */
interface Step { key: string; label: string; step: HandoffStep; how: string; rules: string }

/**
 * The steps the admins set on every fired rule, taken together: each group to assign once, the rules' tags in one click, one
 * internal note that names every rule and quotes each piece of evidence once (an angry message that also says it is the
 * third time fired two rules on the same words).
 */
export function stepsForAll(warnings: Warning[], t: Translate): Step[] {
  const ways = warnings.filter((w) => w.wayForward);
  const steps: Step[] = [];
  const groups = new Set<number>();
  for (const w of ways) {
    const way = w.wayForward!;
    if (way.groupId && !groups.has(way.groupId)) {
      groups.add(way.groupId);
      steps.push({ key: `${w.ruleId}:group`, label: t('way.group', { name: way.groupName ?? t('way.groupId', { id: String(way.groupId) }) }), step: { kind: 'group', groupId: way.groupId }, how: `${w.ruleId}: assigned to group ${way.groupId}`, rules: w.ruleId });
    }
  }
  const tagged = ways.filter((w) => w.wayForward!.tags?.length);
  const tags = [...new Set(tagged.flatMap((w) => w.wayForward!.tags ?? []))];
  if (tags.length) {
    const ids = tagged.map((w) => w.ruleId).join('+');
    steps.push({ key: `${ids}:tags`, label: t('way.tags', { tags: tags.join(', ') }), step: { kind: 'tags', tags }, how: `${ids}: added tags`, rules: ids });
  }
  const noted = ways.filter((w) => w.wayForward!.internalNote);
  if (noted.length) {
    const ids = noted.map((w) => w.ruleId).join('+');
    steps.push({ key: `${ids}:note`, label: t('way.note'), step: { kind: 'note', text: noteText(noted, t) }, how: `${ids}: added internal note`, rules: ids });
  }
  return steps;
}

/** One line per item of the warnings panel ({@link sameEvidence}): the rules that fired on the same words, and the words; handoffs first. */
function noteText(warnings: Warning[], t: Translate): string {
  return sameEvidence(warnings).map((item) => {
    const names = item.map((w) => w.name);
    const evidence = item[0].evidence;
    return (names.length === 1 ? t('way.noteText', { rule: names[0] }) : t('way.noteTextMany', { rules: names.join(', ') }))
      + (evidence ? ` ${t('way.evidence', { evidence })}` : '');
  }).join('\n');
}

export function WayForwardPanel({ warnings, host, onStep }: { warnings: Warning[]; host: Host; onStep: (how: string) => void }) {
  const t = useT();
  const [done, setDone] = useState<Set<string>>(new Set());
  const steps = stepsForAll(warnings, t);
  if (steps.length === 0) return null;
  const names = warnings.filter((w) => w.wayForward).map((w) => w.name).join(' · ');
  const take = async (s: Step) => {
    await host.takeStep(s.step);
    setDone((d) => new Set(d).add(s.key));
    onStep(s.how);
  };
  return (
    <section className="panel" aria-labelledby="way-h">
      <h2 id="way-h">{t('way.title')}</h2>
      {/* The rules are named just above, in the warnings: here only to assistive technology. */}
      <div role="group" aria-label={`${t('way.title')}: ${names}`}>
        <div className="row">
          {steps.map((s) => (s.step.kind === 'tags' && host.abilities?.tags === false
            ? <CopyInstead key={s.key} what="tags" value={s.step.tags.join(', ')} host={host} onCopied={() => onStep(`${s.rules}: copied tags`)} />
            : (
              <Button key={s.key} size="small" disabled={done.has(s.key)} onClick={() => void take(s)}>
                {done.has(s.key) ? t('way.done', { step: s.label }) : s.label}
              </Button>
            )))}
        </div>
      </div>
    </section>
  );
}
