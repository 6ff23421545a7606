import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';

/**
 * Where each deploy setting can be given. A CDK context value (`cdk deploy -c senderAddress=...`)
 * wins over the environment variable, which wins over the default. The defaults are deliberately
 * not written into `cdk.json`: context from `cdk.json` would otherwise shadow the environment.
 */
export const SETTING_SOURCES = {
  senderAddress: { context: 'senderAddress', env: 'DSR_SENDER_ADDRESS' },
  sesIdentityDomain: { context: 'sesIdentityDomain', env: 'DSR_SES_IDENTITY_DOMAIN' },
  publicBaseUrl: { context: 'publicBaseUrl', env: 'DSR_PUBLIC_BASE_URL' },
  region: { context: 'region', env: 'DSR_REGION' },
  logRetentionDays: { context: 'logRetentionDays', env: 'DSR_LOG_RETENTION_DAYS' },
  logLevel: { context: 'logLevel', env: 'DSR_LOG_LEVEL' },
  alarmEmail: { context: 'alarmEmail', env: 'DSR_ALARM_EMAIL' },
} as const;

export type SettingName = keyof typeof SETTING_SOURCES;

/**
 * Retention periods CloudWatch Logs accepts. "Never expire" is left out on purpose: logs carry no
 * personal data, but keeping operational data for ever serves no purpose (storage limitation).
 */
const RETENTION_CHOICES: readonly number[] = Object.values(RetentionDays).filter(
  (value): value is number => typeof value === 'number' && value !== RetentionDays.INFINITE,
);

/**
 * AWS regions inside the EU/EEA. Requests hold personal data of Norwegian customers, so the stack
 * is kept where no transfer to a third country is needed (GDPR chapter V). London and Zurich are
 * left out: they rest on adequacy decisions, which is a transfer to document, not a default.
 */
export const EEA_REGIONS = [
  'eu-north-1',
  'eu-west-1',
  'eu-west-3',
  'eu-central-1',
  'eu-south-1',
  'eu-south-2',
] as const;

const domainPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Blank strings (e.g. `DSR_PUBLIC_BASE_URL=`) mean "not set", so the default still applies. */
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * The deploy settings, validated once before any construct is created so that a typo fails
 * `cdk synth` with the setting's name instead of producing a stack that cannot send mail.
 */
export const DeploySettingsSchema = z
  .object({
    senderAddress: z.preprocess(blankToUndefined, z.email().default('naerkontor@obos.no')),
    sesIdentityDomain: z.preprocess(
      blankToUndefined,
      z
        .string()
        .toLowerCase()
        .regex(domainPattern, 'must be a domain name such as obos.no')
        .default('obos.no'),
    ),
    publicBaseUrl: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https$/, error: 'must be an https:// URL' })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    region: z.preprocess(
      blankToUndefined,
      z
        .enum(EEA_REGIONS, { error: `must be an EU/EEA region: ${EEA_REGIONS.join(', ')}` })
        .default('eu-north-1'),
    ),
    logRetentionDays: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int()
        .refine((days) => RETENTION_CHOICES.includes(days), {
          error: `must be one of ${RETENTION_CHOICES.join(', ')}`,
        })
        .default(RetentionDays.THREE_MONTHS)
        .transform((days) => days as RetentionDays),
    ),
    logLevel: z.preprocess(blankToUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
    alarmEmail: z.preprocess(blankToUndefined, z.email().optional()),
  })
  .refine(
    (settings) => {
      const senderDomain = settings.senderAddress.split('@')[1]?.toLowerCase() ?? '';
      return senderDomain === settings.sesIdentityDomain || senderDomain.endsWith(`.${settings.sesIdentityDomain}`);
    },
    {
      path: ['senderAddress'],
      error: (issue) =>
        `must belong to the SES identity domain ${String((issue.input as { sesIdentityDomain?: unknown }).sesIdentityDomain)}; SES only sends from a verified identity`,
      // Checked even when unrelated settings are invalid, so one run reports every problem.
      when: (payload) =>
        payload.issues.every((issue) => !['senderAddress', 'sesIdentityDomain'].includes(String(issue.path?.[0]))),
    },
  );

/** Validated deploy settings; see {@link DeploySettingsSchema}. */
export type DeploySettings = Readonly<z.output<typeof DeploySettingsSchema>>;

/** Raised when a deploy setting is invalid; the message names each setting and where to set it. */
export class DeploySettingsError extends Error {
  override readonly name = 'DeploySettingsError';
}

/** What {@link loadSettings} reads: a CDK context lookup and an environment. */
export interface SettingsInput {
  readonly context: (key: string) => unknown;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Reads every setting from context, then environment, then default, and validates them together.
 *
 * @example
 * ```ts
 * const app = new App();
 * const settings = loadSettings({ context: (key) => app.node.tryGetContext(key), env: process.env });
 * ```
 * @throws DeploySettingsError listing every invalid setting
 */
export function loadSettings(input: SettingsInput): DeploySettings {
  const raw: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(SETTING_SOURCES)) {
    raw[name] = blankToUndefined(input.context(source.context)) ?? blankToUndefined(input.env[source.env]);
  }
  const parsed = DeploySettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const source = SETTING_SOURCES[name as SettingName];
      const where = source ? ` (context "${source.context}" or env ${source.env})` : '';
      return `  - ${name}${where}: ${issue.message}`;
    });
    throw new DeploySettingsError(`Invalid deploy settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
