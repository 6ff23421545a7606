import { beforeAll, describe, expect, it } from 'vitest';
import { NORWEGIAN_PHONE_IDENTIFIERS } from '../../infra/constructs/personal-data-masking.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

interface PolicyStatement {
  readonly DataIdentifier: unknown[];
  readonly Operation: Record<string, unknown>;
}

const identifierNames = (statement: PolicyStatement): string[] =>
  statement.DataIdentifier.map((identifier) => {
    const text = JSON.stringify(identifier);
    const managed = /data-identifier\/([A-Za-z0-9-]+)/.exec(text);
    return managed?.[1] ?? String(identifier);
  });

describe('CloudWatch Logs data protection', () => {
  // The fullest stack: the inbox brings log groups of its own (intake, receipt rule activation).
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack({ inboxEnabled: 'true', region: 'eu-west-1', activateReceiptRuleSet: 'true' });
  }, SYNTH_TIMEOUT_MS);

  it('puts a masking policy for e-mail addresses and phone numbers on every log group', () => {
    const logGroups = synth.template.findResources('AWS::Logs::LogGroup');
    expect(Object.keys(logGroups).length).toBeGreaterThan(20);
    for (const [id, resource] of Object.entries(logGroups)) {
      const policy = (resource as { Properties?: { DataProtectionPolicy?: { Statement?: PolicyStatement[] } } }).Properties
        ?.DataProtectionPolicy;
      expect(policy, id).toBeDefined();
      const mask = policy?.Statement?.find((statement) => 'Deidentify' in statement.Operation);
      expect(mask, `${id} masks`).toBeDefined();
      const names = identifierNames(mask!);
      expect(names, id).toContain('EmailAddress');
      expect(names, id).toEqual(expect.arrayContaining(NORWEGIAN_PHONE_IDENTIFIERS.map((identifier) => identifier.Name)));
      expect(names.some((identifier) => identifier.startsWith('PhoneNumber-')), id).toBe(true);
    }
  });

  it('has every function write to a log group of the template (none created implicitly by Lambda)', () => {
    const { template } = synth;
    const logGroupIds = new Set(Object.keys(template.findResources('AWS::Logs::LogGroup')));
    const functions = template.findResources('AWS::Lambda::Function');
    for (const [id, resource] of Object.entries(functions)) {
      const logGroup = (resource as { Properties: { LoggingConfig?: { LogGroup?: { Ref?: string } } } }).Properties.LoggingConfig
        ?.LogGroup?.Ref;
      expect(logGroup !== undefined && logGroupIds.has(logGroup), id).toBe(true);
    }
  });

  it('masks what the custom phone identifiers are written for and leaves request ids and timestamps alone', () => {
    const masks = NORWEGIAN_PHONE_IDENTIFIERS.map((identifier) => new RegExp(identifier.Regex, 'g'));
    const mask = (text: string): string => masks.reduce((masked, pattern) => masked.replace(pattern, '***'), text);
    expect(mask('phone +4793420183')).toBe('phone ***');
    expect(mask('tlf +47 934 20 183.')).toBe('tlf ***.');
    expect(mask('0047 93 42 01 83')).toBe('***');
    expect(mask('NK-20261123-7KQ4M2PX at 2026-12-07T07:54:22.123Z, 1765094062123')).toBe(
      'NK-20261123-7KQ4M2PX at 2026-12-07T07:54:22.123Z, 1765094062123',
    );
  });

  it('uses only the characters CloudWatch allows in a custom identifier (no groups) and at most 200 of them', () => {
    for (const identifier of NORWEGIAN_PHONE_IDENTIFIERS) {
      expect(identifier.Regex.length).toBeLessThanOrEqual(200);
      expect(identifier.Regex).toMatch(/^[a-zA-Z0-9_#=@/;,\- ^$?[\]{}|\\*+.]+$/);
      expect(identifier.Name).toMatch(/^[a-zA-Z0-9_-]{1,128}$/);
    }
  });
});
