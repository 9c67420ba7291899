import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Warning } from '../lib/api/types';
import type { HandoffStep, Host } from '../lib/host/host';

const TEXT = {
  title: 'Way forward',
  group: (name: string) => `Assign to ${name}`,
  tags: (tags: string[]) => `Add tags: ${tags.join(', ')}`,
  note: 'Add an internal note with the evidence',
  done: 'Done',
  noteText: (w: Warning) => `Copilot: the rule "${w.name}" fired.${w.evidence ? ` Evidence: ${w.evidence}` : ''}`,
};

interface Step { key: string; label: string; step: HandoffStep; how: string }

/** The steps each fired rule's admin set: one click each, taken through the helpdesk's workspace and recorded as used. */
export function stepsFor(w: Warning): Step[] {
  const way = w.wayForward;
  if (!way) return [];
  const steps: Step[] = [];
  if (way.groupId) steps.push({ key: `${w.ruleId}:group`, label: TEXT.group(way.groupName ?? `group ${way.groupId}`), step: { kind: 'group', groupId: way.groupId }, how: `${w.ruleId}: assigned to group ${way.groupId}` });
  if (way.tags?.length) steps.push({ key: `${w.ruleId}:tags`, label: TEXT.tags(way.tags), step: { kind: 'tags', tags: way.tags }, how: `${w.ruleId}: added tags` });
  if (way.internalNote) steps.push({ key: `${w.ruleId}:note`, label: TEXT.note, step: { kind: 'note', text: TEXT.noteText(w) }, how: `${w.ruleId}: added internal note` });
  return steps;
}

export function WayForwardPanel({ warnings, host, onStep }: { warnings: Warning[]; host: Host; onStep: (how: string) => void }) {
  const [done, setDone] = useState<Set<string>>(new Set());
  const withSteps = warnings.filter((w) => stepsFor(w).length > 0);
  if (withSteps.length === 0) return null;
  const take = async (s: Step) => {
    await host.takeStep(s.step);
    setDone((d) => new Set(d).add(s.key));
    onStep(s.how);
  };
  return (
    <section className="panel" aria-labelledby="way-h">
      <h2 id="way-h">{TEXT.title}</h2>
      {withSteps.map((w) => (
        <div key={w.ruleId} role="group" aria-label={`${TEXT.title}: ${w.name}`}>
          <p className="label">{w.name}</p>
          <div className="row">
            {stepsFor(w).map((s) => (
              <Button key={s.key} size="small" disabled={done.has(s.key)} onClick={() => void take(s)}>
                {done.has(s.key) ? `${TEXT.done}: ${s.label}` : s.label}
              </Button>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
