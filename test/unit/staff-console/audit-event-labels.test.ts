import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '../../../functions/domain/request/rights-request.js';
import { AUDIT_EVENT_LABELS } from '../../../functions/http/console-case/pages/audit-event-labels.js';
import { auditEventText } from '../../../functions/http/console-case/pages/audit-event-text.js';
import { functionSourceFiles } from '../../support/function-sources.js';


/** Template-built event names, and what they can become. */
const TEMPLATE_EVENTS: Readonly<Record<string, readonly string[]>> = {
  'decision.': DecisionSchema.shape.outcome.options.map((outcome) => `decision.${outcome}`),
};

/**
 * Every audit event name the code writes or looks for: the dotted literals on lines that set or
 * compare an `event` (`event: 'x.y'`, `X_EVENT = 'x.y'`, `entry.event === 'x.y'`, ternaries
 * included), the lifecycle table's `audit: 'x.y'`, and the names template literals can build.
 */
function auditEventsInCode(): { events: Set<string>; unknownTemplates: string[] } {
  const events = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of functionSourceFiles()) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/(\bevent\s*:|_EVENT\s*=|\bevent\s*===|\baudit(WhenUnchanged)?\s*:\s*')/.test(line)) continue;
      for (const match of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) events.add(match[1]!);
      for (const match of line.matchAll(/event\s*:\s*`([a-z_]+\.)\$\{/g)) {
        const expansions = TEMPLATE_EVENTS[match[1]!];
        if (expansions) expansions.forEach((event) => events.add(event));
        else unknownTemplates.push(`${file}: ${line.trim()}`);
      }
    }
  }
  return { events, unknownTemplates };
}

describe('audit event labels', () => {
  it('has a Norwegian label for every audit event the code writes', () => {
    const { events, unknownTemplates } = auditEventsInCode();

    const unlabelled = [...events].filter((event) => !Object.hasOwn(AUDIT_EVENT_LABELS, event));

    expect(events.size).toBeGreaterThan(30);
    expect(unknownTemplates, 'template-built event names the test cannot expand').toEqual([]);
    expect(unlabelled, 'audit events without a label in AUDIT_EVENT_LABELS').toEqual([]);
  });

  it('finds the events of the scan itself, so a clean result means something', () => {
    const { events } = auditEventsInCode();

    for (const event of ['action.done', 'action.refused', 'decision.approved', 'decision.rejected', 'mail.undeliverable', 'export.purged']) {
      expect(events, event).toContain(event);
    }
  });

  it('shows no raw key in the history for any labelled event, with or without detail', () => {
    for (const event of Object.keys(AUDIT_EVENT_LABELS)) {
      const text = auditEventText({ requestId: 'NK-1', at: '2026-12-01T10:00:00.000+01:00', event, actor: 'system:workflow' });
      expect(text, event).not.toContain(event);
      expect(text, event).toMatch(/[A-ZÆØÅ]/);
    }
  });

  it('says what a carried-out plan action did, in words', () => {
    const entry = (event: string, action: string) => ({ requestId: 'NK-1', at: '2026-12-01T10:00:00.000+01:00', event, actor: 'system:carry-out', detail: { action } });

    expect(auditEventText(entry('action.done', 'erase:invoice:delete'))).toBe('Tiltak i planen utført: fakturaer slettet');
    expect(auditEventText(entry('action.done', 'export'))).toBe('Tiltak i planen utført: eksport laget');
    expect(auditEventText(entry('action.refused', 'rectify:C-1:phone'))).toBe('Tiltak i planen kunne ikke utføres: opplysning rettet');
  });

  it('names an event newer than the table in words, not by its key', () => {
    const text = auditEventText({ requestId: 'NK-1', at: '2026-12-01T10:00:00.000+01:00', event: 'future.thing', actor: 'system:workflow' });

    expect(text).not.toContain('future.thing');
  });
});
