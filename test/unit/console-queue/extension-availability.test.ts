import { describe, expect, it } from 'vitest';
import { extensionAvailability } from '../../../functions/domain/console-queue/extension-availability.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';

describe('extensionAvailability', () => {
  it('allows an extension up to and including the one-month due date', () => {
    expect(extensionAvailability(aRightsRequest({ dueDate: '2026-12-23' }), '2026-12-23')).toEqual({ allowed: true });
  });

  it('refuses after the due date and says when it ran out', () => {
    const result = extensionAvailability(aRightsRequest({ dueDate: '2026-12-23' }), '2026-12-24');
    expect(result.allowed).toBe(false);
    expect(!result.allowed && result.explanation).toContain('23. desember 2026');
  });

  it('refuses a second extension and an answered case', () => {
    expect(extensionAvailability(aRightsRequest({ extended: true, dueDate: '2027-02-23' }), '2026-12-01').allowed).toBe(false);
    expect(extensionAvailability(aRightsRequest({ status: 'replied' }), '2026-12-01').allowed).toBe(false);
  });
});
