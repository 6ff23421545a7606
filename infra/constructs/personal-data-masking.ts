import { AspectPriority, Aspects, Stack, type IAspect } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

/**
 * AWS managed data identifiers CloudWatch Logs masks in every log group of the stack: e-mail
 * addresses and the phone-number formats AWS recognises for European countries (it has none for
 * Norway; see {@link NORWEGIAN_PHONE_IDENTIFIERS}).
 */
export const MANAGED_IDENTIFIERS = [
  'EmailAddress',
  'PhoneNumber-DE',
  'PhoneNumber-ES',
  'PhoneNumber-FR',
  'PhoneNumber-GB',
  'PhoneNumber-IT',
] as const;

/**
 * Custom identifiers for the numbers this product handles: the E.164 form the customer store
 * keys phones by (`+4793420183`) and Norwegian numbers as people write them (`+47 934 20 183`,
 * `0047 93 42 01 83`). CloudWatch allows no groups or word boundaries in these expressions, and a
 * bare eight-digit number is deliberately not matched: Step Functions logs carry epoch timestamps
 * that would be masked too.
 */
export const NORWEGIAN_PHONE_IDENTIFIERS = [
  { Name: 'PhoneNumberE164', Regex: '\\+[1-9][0-9]{6,14}' },
  {
    Name: 'PhoneNumberNorwegianWritten',
    Regex: '\\+47[ -]?[2-9][0-9 -]{6,10}[0-9]|0047[ -]?[2-9][0-9 -]{6,10}[0-9]',
  },
] as const;

/** Name of the policy, shown in the CloudWatch console. */
export const POLICY_NAME = 'mask-personal-data';

/**
 * The data protection policy document (format `2021-06-01`): findings are audited (counted in the
 * log group's metrics) and every match is masked for anyone without `logs:Unmask`.
 */
export function personalDataProtectionPolicy(stack: Stack): Record<string, unknown> {
  const identifiers = [
    ...MANAGED_IDENTIFIERS.map((name) => `arn:${stack.partition}:dataprotection::aws:data-identifier/${name}`),
    ...NORWEGIAN_PHONE_IDENTIFIERS.map((identifier) => identifier.Name),
  ];
  return {
    Name: POLICY_NAME,
    Description: 'Masks e-mail addresses and phone numbers: no personal data in logs',
    Version: '2021-06-01',
    Statement: [
      { Sid: 'audit', DataIdentifier: identifiers, Operation: { Audit: { FindingsDestination: {} } } },
      { Sid: 'mask', DataIdentifier: identifiers, Operation: { Deidentify: { MaskConfig: {} } } },
    ],
    Configuration: { CustomDataIdentifier: NORWEGIAN_PHONE_IDENTIFIERS },
  };
}

/**
 * Puts {@link personalDataProtectionPolicy} on every log group in the scope, including those
 * CDK creates for its own helper functions and those added later by other constructs, so no log
 * group can be forgotten. A log group that already has a policy keeps it.
 *
 * The functions already log only ids and error names; this is the net under that rule for what
 * the runtime, SDKs or a future mistake write.
 */
export class MaskPersonalDataInLogs implements IAspect {
  /** Applies the aspect to every log group under `scope` (mutating priority: before validation). */
  static applyTo(scope: IConstruct): void {
    Aspects.of(scope).add(new MaskPersonalDataInLogs(), { priority: AspectPriority.MUTATING });
  }

  visit(node: IConstruct): void {
    if (!(node instanceof logs.CfnLogGroup) || node.dataProtectionPolicy !== undefined) return;
    node.dataProtectionPolicy = personalDataProtectionPolicy(Stack.of(node));
  }
}
