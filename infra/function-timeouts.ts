/**
 * How long each deployed function may run, in seconds, by folder under `functions/`. The one
 * table both the CDK stack (the deployed `Timeout`) and the local runtime (the context's
 * remaining time) read, so a step that fits in AWS also fits locally and the other way round.
 * It imports nothing from aws-cdk-lib: the local runtime loads it without the CDK.
 */

/** Lambda's own default, and ours for every folder the table does not name. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** HTTP functions answer well inside API Gateway's 30 s integration limit. */
export const HTTP_TIMEOUT_SECONDS = 10;

/** Reading every page a store holds about a customer, or carrying out a plan, may take a while. */
export const BULK_TIMEOUT_SECONDS = 5 * 60;

/** The folders whose timeout differs from {@link DEFAULT_TIMEOUT_SECONDS}. */
export const FUNCTION_TIMEOUT_SECONDS = {
  'web-form': HTTP_TIMEOUT_SECONDS,
  'create-request': HTTP_TIMEOUT_SECONDS,
  'verify-page': HTTP_TIMEOUT_SECONDS,
  'download-page': HTTP_TIMEOUT_SECONDS,
  'staff-api': HTTP_TIMEOUT_SECONDS,
  // The console's register reads every request; one second under API Gateway's limit.
  'console-queue': 29,
  // A case page reads the plan, the gathered copies and a received mail.
  'console-case': HTTP_TIMEOUT_SECONDS,
  // An action on a case writes a few items, may send a letter and resume the workflow.
  'console-case-actions': HTTP_TIMEOUT_SECONDS,
  // Turning a mail into a case reads and parses the raw message; the first PDF of a letter embeds a font.
  'console-mail': HTTP_TIMEOUT_SECONDS,
  // Parses messages with attachments and records them with transactions.
  'email-intake': 60,
  'gather-subscriptions': BULK_TIMEOUT_SECONDS,
  'gather-billing': BULK_TIMEOUT_SECONDS,
  'gather-access-log': BULK_TIMEOUT_SECONDS,
  'plan-request': 60,
  'carry-out': BULK_TIMEOUT_SECONDS,
  'notify-recipients': 60,
  'purge-exports': 5 * 60,
  'watch-deadlines': 5 * 60,
} as const satisfies Readonly<Record<string, number>>;

/** The timeout, in seconds, of the function built from `functions/<group>/<folder>/`. */
export function functionTimeoutSeconds(folder: string): number {
  return Object.hasOwn(FUNCTION_TIMEOUT_SECONDS, folder)
    ? FUNCTION_TIMEOUT_SECONDS[folder as keyof typeof FUNCTION_TIMEOUT_SECONDS]
    : DEFAULT_TIMEOUT_SECONDS;
}
