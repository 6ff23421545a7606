import type { LocalStack } from './local-stack.js';

/**
 * What `npm start` prints once everything runs: where each part answers, the demo customers, the
 * CLI commands, and how to get the deadline digest now instead of waiting for 07:00.
 */
export function startBanner(stack: Pick<LocalStack, 'urls' | 'redriven' | 'demo'>, dataDir: string): string {
  return [
    '',
    `  Request form     ${stack.urls.app}/`,
    `  Staff console    ${stack.urls.app}/console  (users in infra/local/console-users.json; see README)`,
    `  Mail viewer      ${stack.urls.mailViewer}/`,
    `  Inbox (SMTP)     ${stack.urls.smtp}  (naerkontor@obos.no)`,
    `  API              ${stack.urls.app}/api/requests`,
    `  Step Functions   ${stack.urls.stepFunctions}`,
    `  DynamoDB Local   ${stack.urls.dynamodb}`,
    `  S3               ${stack.urls.s3}`,
    `  Data             ${dataDir}`,
    stack.redriven > 0 ? `  Re-driven ${stack.redriven} unfinished request(s).` : '',
    ...(stack.demo?.demoEmails
      ? [
          '',
          '  Demo customers (send a request with one of these e-mails; the code arrives in the mail viewer):',
          `    ${stack.demo.demoEmails.activeSubscription}   active subscription`,
          `    ${stack.demo.demoEmails.endedSubscriptions}   subscriptions ended`,
        ]
      : []),
    '',
    '  CLI: npm run -s dsr -- status <id> | verify <id> --reason TEXT | approve <id> | reject <id> --reason TEXT',
    '       | extend <id> --reason TEXT | outbox | seed --customers N | watch-deadlines   (npm run -s dsr -- --help)',
    '  The deadline digest goes to personvern@obos.no every day at 07:00 Oslo time.',
    `  To get it now: npm run -s dsr -- watch-deadlines   (then open ${stack.urls.mailViewer}/)`,
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
