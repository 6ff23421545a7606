import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { RecipientSchema } from '../functions/domain/plan/action-plan.js';
import { DEFAULT_RECIPIENT_DIRECTORY, RecipientDirectorySchema } from '../functions/domain/recipients/recipient-directory.js';

/**
 * Where each deploy setting can be given. A CDK context value (`cdk deploy -c senderAddress=...`)
 * wins over the environment variable, which wins over the default. The defaults are deliberately
 * not written into `cdk.json`: context from `cdk.json` would otherwise shadow the environment.
 */
export const SETTING_SOURCES = {
  stage: { context: 'stage', env: 'DSR_STAGE' },
  account: { context: 'account', env: 'DSR_ACCOUNT' },
  domainName: { context: 'domainName', env: 'DSR_DOMAIN_NAME' },
  hostedZoneId: { context: 'hostedZoneId', env: 'DSR_HOSTED_ZONE_ID' },
  hostedZoneName: { context: 'hostedZoneName', env: 'DSR_HOSTED_ZONE_NAME' },
  mailFromDomain: { context: 'mailFromDomain', env: 'DSR_MAIL_FROM_DOMAIN' },
  senderAddress: { context: 'senderAddress', env: 'DSR_SENDER_ADDRESS' },
  sesIdentityDomain: { context: 'sesIdentityDomain', env: 'DSR_SES_IDENTITY_DOMAIN' },
  publicBaseUrl: { context: 'publicBaseUrl', env: 'DSR_PUBLIC_BASE_URL' },
  region: { context: 'region', env: 'DSR_REGION' },
  logRetentionDays: { context: 'logRetentionDays', env: 'DSR_LOG_RETENTION_DAYS' },
  logLevel: { context: 'logLevel', env: 'DSR_LOG_LEVEL' },
  alarmEmail: { context: 'alarmEmail', env: 'DSR_ALARM_EMAIL' },
  customersTableName: { context: 'customersTableName', env: 'DSR_CUSTOMERS_TABLE_NAME' },
  billingTableName: { context: 'billingTableName', env: 'DSR_BILLING_TABLE_NAME' },
  accessLogTableName: { context: 'accessLogTableName', env: 'DSR_ACCESS_LOG_TABLE_NAME' },
  customerDataKeyArn: { context: 'customerDataKeyArn', env: 'DSR_CUSTOMER_DATA_KEY_ARN' },
  exportDownloadDays: { context: 'exportDownloadDays', env: 'DSR_EXPORT_DOWNLOAD_DAYS' },
  recipientAddresses: { context: 'recipientAddresses', env: 'DSR_RECIPIENT_ADDRESSES' },
  recipientDirectory: { context: 'recipientDirectory', env: 'DSR_RECIPIENT_DIRECTORY' },
  inboxEnabled: { context: 'inboxEnabled', env: 'DSR_INBOX_ENABLED' },
  inboxAddress: { context: 'inboxAddress', env: 'DSR_INBOX_ADDRESS' },
  activateReceiptRuleSet: { context: 'activateReceiptRuleSet', env: 'DSR_ACTIVATE_RECEIPT_RULE_SET' },
  consoleDomainPrefix: { context: 'consoleDomainPrefix', env: 'DSR_CONSOLE_DOMAIN_PREFIX' },
  staffDigestAddress: { context: 'staffDigestAddress', env: 'DSR_STAFF_DIGEST_ADDRESS' },
  backupCopyVaultArn: { context: 'backupCopyVaultArn', env: 'DSR_BACKUP_COPY_VAULT_ARN' },
} as const;

export type SettingName = keyof typeof SETTING_SOURCES;

/**
 * The stages the app deploys. Each has its own stack, resource names and domain; `prod` also has
 * settings it refuses to run without ({@link PROD_REQUIRED_SETTINGS}).
 */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Settings a production stage must be given explicitly: the defaults are right for trying the
 * stack out, but in production a default sender, no domain (so mails carry no working links) or
 * alarms that reach nobody is a mistake to stop at synth, not to find after go-live.
 */
export const PROD_REQUIRED_SETTINGS = [
  'account',
  'domainName',
  'hostedZoneId',
  'senderAddress',
  'sesIdentityDomain',
  'alarmEmail',
  // The recipients every access reply names (Art. 15(1)(c), C-154/21) must be the parties of the
  // actual data-processing agreements: the default list is an example, not a statement of fact.
  'recipientDirectory',
] as const satisfies readonly SettingName[];

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

/**
 * The EU/EEA regions where SES receives e-mail (has an `inbound-smtp.<region>.amazonaws.com`
 * endpoint), from the "Email receiving endpoints" table of the SES endpoints reference
 * (https://docs.aws.amazon.com/general/latest/gr/ses.html). Stockholm (eu-north-1, the default
 * region), Paris, Milan and Spain send but do not receive. Check that table before adding a region:
 * a rule set in a region without receiving deploys fine and never sees a message.
 */
export const SES_RECEIVING_REGIONS: readonly (typeof EEA_REGIONS)[number][] = ['eu-west-1', 'eu-central-1'];

/** Blank strings (e.g. `DSR_PUBLIC_BASE_URL=`) mean "not set", so the default still applies. */
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
/** `schema`, reading a blank value as unset (zod/mini's form of `z.preprocess(blankToUndefined, schema)`). */
const blankAsUnset = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(blankToUndefined), schema);

const domainPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** What DynamoDB accepts as a table name. */
const tableNamePattern = /^[A-Za-z0-9_.-]{3,255}$/;

/** The ARN of a KMS key (not an alias): grants on an alias do not cover the key DynamoDB uses. */
const kmsKeyArnPattern = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/**
 * Longest download window: past it an export is no longer the answer to a recent request. The
 * carry-out function accepts the same range for `EXPORT_DOWNLOAD_DAYS`.
 */
export const MAX_EXPORT_DOWNLOAD_DAYS = 90;
const DOWNLOAD_DAYS_ERROR = `must be a whole number of days from 1 to ${MAX_EXPORT_DOWNLOAD_DAYS}`;

/**
 * The name of an existing table, or unset to let the stack create (and own) the table.
 * See {@link DeploySettingsSchema} `customersTableName`.
 */
const existingTableName = blankAsUnset(z.optional(z.string().check(z.regex(tableNamePattern, 'must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)'))));

/**
 * An on/off setting: `true`/`false` as given on the command line or in the environment (any case),
 * or a boolean from `cdk.json`. Anything else is left for the schema to reject.
 */
const parseFlag = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : value;
};
const flag = () =>
  z.pipe(z.transform((value) => parseFlag(blankToUndefined(value))), z._default(z.boolean({ error: 'must be true or false' }), false));

/** JSON given as a string (env, `-c key=...`) or already parsed (context from `cdk.json`). */
const parseJsonText = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** The recipients the action plan can name (Art. 19), e.g. `unloc`. */
const RECIPIENT_IDS: readonly string[] = RecipientSchema.shape.id.options;

/**
 * Art. 19 recipients by id (as the action plan names them) and the address their notice goes to,
 * e.g. `{"unloc":"privacy@unloc.app"}`. Checked against the same ids as `notify-recipients` checks
 * at cold start, so a typo fails the deploy instead of the first notice.
 */
const RecipientAddressesSchema = z.record(z.string(), z.email({ error: 'every value must be an e-mail address' }), {
    error: 'must be a JSON object of recipient id to e-mail address, e.g. {"unloc":"privacy@unloc.app"}',
  }).check(z.superRefine((addresses, ctx) => {
    for (const id of Object.keys(addresses)) {
      if (!RECIPIENT_IDS.includes(id)) {
        ctx.addIssue({ code: 'custom', message: `unknown recipient id "${id}" (known: ${RECIPIENT_IDS.join(', ')})` });
      }
    }
  }));

/**
 * The deploy settings, validated once before any construct is created so that a typo fails
 * `cdk synth` with the setting's name instead of producing a stack that cannot send mail.
 */
export const DeploySettingsSchema = z.pipe(z.object({
    /** Which deployment this is; in stack names, resource names and the domain. */
    stage: z.pipe(z.transform((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value)), z._default(z.enum(STAGES, { error: `must be one of ${STAGES.join(', ')}` }), 'dev')),
    /**
     * The AWS account this stage deploys to. Pinned so a deploy with the wrong credentials fails
     * instead of creating a second production in a test account (or the reverse).
     */
    account: blankAsUnset(z.optional(z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit AWS account id')))),
    /**
     * The base domain of the public pages, e.g. `personvern.obos.no`: prod serves the form there,
     * another stage at `<stage>.<domain>`; the console is `console.` in front of that. Unset: no
     * custom domain and no edge (CloudFront and WAF); the stage is then reached on its API URL.
     */
    domainName: blankAsUnset(z.optional(z.string().check(z.toLowerCase(), z.regex(domainPattern, 'must be a domain name such as personvern.obos.no')))),
    /** The Route 53 hosted zone the domain's records go into (its id, e.g. `Z0123456789ABC`). */
    hostedZoneId: blankAsUnset(z.optional(z.string().check(z.regex(/^Z[A-Z0-9]{4,31}$/, 'must be a Route 53 hosted zone id (Z...)')))),
    /**
     * The name of that hosted zone, e.g. `obos.no`; the domain must be inside it.
     * Default: the domain itself (a zone delegated for it).
     */
    hostedZoneName: blankAsUnset(z.optional(z.string().check(z.toLowerCase(), z.regex(domainPattern, 'must be a domain name such as obos.no')))),
    /**
     * The custom MAIL FROM domain (envelope sender, where bounces go), a subdomain of the SES
     * identity domain; SPF then aligns with the From domain for DMARC. Default `bounce.<identity domain>`.
     */
    mailFromDomain: blankAsUnset(z.optional(z.string().check(z.toLowerCase(), z.regex(domainPattern, 'must be a domain name such as bounce.obos.no')))),
    senderAddress: blankAsUnset(z._default(z.email(), 'naerkontor@obos.no')),
    sesIdentityDomain: blankAsUnset(z._default(z.string().check(z.toLowerCase(), z.regex(domainPattern, 'must be a domain name such as obos.no')), 'obos.no')),
    publicBaseUrl: blankAsUnset(z.optional(z.pipe(z.url({ protocol: /^https$/, error: 'must be an https:// URL' }), z.transform((url) => url.replace(/\/+$/, ''))))),
    region: blankAsUnset(z._default(z.enum(EEA_REGIONS, { error: `must be an EU/EEA region: ${EEA_REGIONS.join(', ')}` }), 'eu-north-1')),
    logRetentionDays: blankAsUnset(z.pipe(z._default(z.coerce.number().check(z.int(), z.refine((days) => RETENTION_CHOICES.includes(days), {
          error: `must be one of ${RETENTION_CHOICES.join(', ')}`,
        })), RetentionDays.THREE_MONTHS), z.transform((days) => days as RetentionDays))),
    logLevel: blankAsUnset(z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info')),
    alarmEmail: blankAsUnset(z.optional(z.email())),
    /** A backup vault in another account that receives a copy of every backup (AWS Organizations). */
    backupCopyVaultArn: blankAsUnset(z.optional(z.string().check(z.regex(/^arn:aws:backup:[a-z0-9-]+:\d{12}:backup-vault:[A-Za-z0-9_.-]{2,50}$/, 'must be a backup vault ARN: arn:aws:backup:<region>:<account>:backup-vault:<name>')))),
    /**
     * Existing customer-data tables. Each one given is imported (the stack neither creates nor
     * deletes it); each one left unset is created by the stack.
     */
    customersTableName: existingTableName,
    billingTableName: existingTableName,
    accessLogTableName: existingTableName,
    /**
     * The customer-managed KMS key of the existing customer-data tables, if they use one; the
     * functions are then allowed to use it through DynamoDB. Unset: the tables use an AWS key.
     */
    customerDataKeyArn: blankAsUnset(z.optional(z.string().check(z.regex(kmsKeyArnPattern, 'must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)')))),
    /** Days an export package can be downloaded; the bucket keeps it one day longer. */
    exportDownloadDays: blankAsUnset(z._default(z.coerce
        .number({ error: DOWNLOAD_DAYS_ERROR }).check(z.int({ error: DOWNLOAD_DAYS_ERROR }), z.gte(1, { error: DOWNLOAD_DAYS_ERROR }), z.lte(MAX_EXPORT_DOWNLOAD_DAYS, { error: DOWNLOAD_DAYS_ERROR })), 14)),
    recipientAddresses: z.pipe(z.transform((value) => parseJsonText(blankToUndefined(value))), z._default(RecipientAddressesSchema, {})),
    /**
     * The recipients by name, role and country, with the safeguard of each transfer outside the
     * EEA (JSON list; see `recipient-directory.ts`), named in every access reply and copy.
     */
    recipientDirectory: z.pipe(z.transform((value) => parseJsonText(blankToUndefined(value))), z._default(RecipientDirectorySchema, DEFAULT_RECIPIENT_DIRECTORY)),
    /**
     * Receive requests by e-mail: an SES receipt rule for {@link inboxAddress} stores each message
     * in the inbound-mail bucket and invokes `email-intake`. Off by default because SES receives
     * only in some regions ({@link SES_RECEIVING_REGIONS}) and the default region is not one of
     * them; turning it on requires `region` to be one.
     */
    inboxEnabled: flag(),
    /** The address SES receives requests for (the envelope recipient the receipt rule matches). */
    inboxAddress: blankAsUnset(z._default(z.email().check(z.toLowerCase()), 'naerkontor@obos.no')),
    /**
     * Make the stack's receipt rule set the active one of the account and region. SES has one
     * active rule set per account and region, so this replaces whatever is active; off, ops
     * activate it themselves (`aws ses set-active-receipt-rule-set --rule-set-name ...`).
     */
    activateReceiptRuleSet: flag(),
    /**
     * The prefix of the staff console's Cognito sign-in domain
     * (`<prefix>.auth.<region>.amazoncognito.com`); unique per region across AWS.
     */
    consoleDomainPrefix: blankAsUnset(z.optional(z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens (Cognito domain prefix)'), z.refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'may not contain aws, amazon or cognito')))),
    /**
     * The staff mailbox that gets the daily deadline digest and the 7- and 2-working-day warnings.
     * Not the request inbox: mail to it would come back in as a case.
     */
    staffDigestAddress: blankAsUnset(z._default(z.email().check(z.toLowerCase()), 'personvern@obos.no')),
  }).check(z.refine((settings) => settings.staffDigestAddress !== settings.inboxAddress, {
    path: ['staffDigestAddress'],
    error: 'must not be the request inbox: the digest would come back in as a request',
  }), z.refine((settings) => {
      const senderDomain = settings.senderAddress.split('@')[1]?.toLowerCase() ?? '';
      return senderDomain === settings.sesIdentityDomain || senderDomain.endsWith(`.${settings.sesIdentityDomain}`);
    }, {
      path: ['senderAddress'],
      error: (issue) =>
        `must belong to the SES identity domain ${String((issue.input as { sesIdentityDomain?: unknown }).sesIdentityDomain)}; SES only sends from a verified identity`,
      // Checked even when unrelated settings are invalid, so one run reports every problem.
      when: (payload) =>
        payload.issues.every((issue) => !['senderAddress', 'sesIdentityDomain'].includes(String(issue.path?.[0]))),
    }), z.refine((settings) =>
      settings.customerDataKeyArn === undefined ||
      settings.customersTableName !== undefined ||
      settings.billingTableName !== undefined ||
      settings.accessLogTableName !== undefined, {
      path: ['customerDataKeyArn'],
      error: 'only applies to existing tables: set customersTableName, billingTableName or accessLogTableName too',
      when: (payload) => payload.issues.length === 0,
    }), z.refine((settings) => !settings.inboxEnabled || SES_RECEIVING_REGIONS.includes(settings.region), {
    path: ['inboxEnabled'],
    error: (issue) =>
      `SES receives e-mail in ${SES_RECEIVING_REGIONS.join(' and ')} only (of the EU/EEA regions), not in ` +
      `${String((issue.input as { region?: unknown }).region)}: deploy with region set to one of them, or leave ` +
      'inboxEnabled false (the receipt rule, its bucket and email-intake must be in a receiving region)',
    when: (payload) => payload.issues.length === 0,
  }), z.refine((settings) => settings.inboxEnabled || !settings.activateReceiptRuleSet, {
    path: ['activateReceiptRuleSet'],
    error: 'only applies to the e-mail inbox: set inboxEnabled true too',
    when: (payload) => payload.issues.length === 0,
  }), z.refine((settings) => settings.customerDataKeyArn === undefined || settings.customerDataKeyArn.split(':')[3] === settings.region, {
      path: ['customerDataKeyArn'],
      error: 'must be a key in the deploy region: DynamoDB tables can only use a key of their own region',
      when: (payload) => payload.issues.length === 0,
    }), z.refine((settings) => settings.domainName === undefined || settings.hostedZoneId !== undefined, {
    path: ['hostedZoneId'],
    error: 'is needed with domainName: the certificates are validated and the records written in that zone',
    when: (payload) => payload.issues.length === 0,
  }), z.refine((settings) => {
      if (settings.domainName === undefined) return true;
      const zone = settings.hostedZoneName ?? settings.domainName;
      return settings.domainName === zone || settings.domainName.endsWith(`.${zone}`);
    }, { path: ['hostedZoneName'], error: 'must be the domain itself or a parent of domainName', when: (payload) => payload.issues.length === 0 }), z.refine((settings) => settings.mailFromDomain === undefined || settings.mailFromDomain.endsWith(`.${settings.sesIdentityDomain}`), {
      path: ['mailFromDomain'],
      error: 'must be a subdomain of sesIdentityDomain (SES requires it, and DMARC alignment needs it)',
      when: (payload) => payload.issues.length === 0,
    })), z.transform((settings) => {
    const stageDomain =
      settings.domainName === undefined ? undefined : settings.stage === 'prod' ? settings.domainName : `${settings.stage}.${settings.domainName}`;
    return {
      ...settings,
      consoleDomainPrefix: settings.consoleDomainPrefix ?? (settings.stage === 'prod' ? 'obos-naerkontor-personvern' : `obos-naerkontor-personvern-${settings.stage}`),
      hostedZoneName: settings.domainName === undefined ? settings.hostedZoneName : (settings.hostedZoneName ?? settings.domainName),
      mailFromDomain: settings.mailFromDomain ?? `bounce.${settings.sesIdentityDomain}`,
      /** Where the public pages are served (`<stage>.` in front of the domain except in prod). */
      publicDomain: stageDomain,
      /** Where the staff console is served. */
      consoleDomain: stageDomain === undefined ? undefined : `console.${stageDomain}`,
      /**
       * The API's own custom domain, CloudFront's origin. The execute-api endpoint is disabled, so
       * this is the only other way in; per-route throttles and reserved concurrency hold there too.
       */
      originDomain: stageDomain === undefined ? undefined : `origin.${stageDomain}`,
      /** Links in mails: the given URL, else the stage's public domain. */
      publicBaseUrl: settings.publicBaseUrl ?? (stageDomain === undefined ? undefined : `https://${stageDomain}`),
    };
  }));

/** The prefix every stack and named resource of a stage carries, e.g. `obos-naerkontor-dsr-prod`. */
export const resourcePrefix = (stage: Stage): string => `obos-naerkontor-dsr-${stage}`;

/**
 * The Secrets Manager name of the secret CloudFront sends to the API's origin domain: made by the
 * regional stack (replicated to us-east-1) and read by name in the edge stack, so the two stacks
 * share a name, not a cross-region reference.
 */
export const originVerifySecretName = (stage: Stage): string => `${resourcePrefix(stage)}/origin-verify`;

/** The stack names of a stage: the regional stack and the edge stack (us-east-1). */
export const stackNames = (stage: Stage): { readonly main: string; readonly edge: string } => {
  const title = stage.charAt(0).toUpperCase() + stage.slice(1);
  return { main: `ObosNaerkontorDsr-${title}`, edge: `ObosNaerkontorDsrEdge-${title}` };
};

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
  const describe = (name: string, message: string): string => {
    const source = SETTING_SOURCES[name as SettingName];
    const where = source ? ` (context "${source.context}" or env ${source.env})` : '';
    return `  - ${name}${where}: ${message}`;
  };
  // zod/mini has no messages of its own: the English ones say what is wrong with a setting.
  const parsed = DeploySettingsSchema.safeParse(raw, { error: en().localeError });
  const lines = parsed.success ? [] : parsed.error.issues.map((issue) => describe(String(issue.path[0] ?? ''), issue.message));
  // Production needs these given, not defaulted; checked on the raw input so a default cannot pass.
  const stage = typeof raw.stage === 'string' ? raw.stage.trim().toLowerCase() : raw.stage;
  if (stage === 'prod') {
    for (const name of PROD_REQUIRED_SETTINGS) {
      if (raw[name] === undefined) lines.push(describe(name, 'is required for the prod stage'));
    }
  }
  if (!parsed.success || lines.length > 0) {
    throw new DeploySettingsError(`Invalid deploy settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
