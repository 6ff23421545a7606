/** `dsr --help`: every command and option, with `--by` marked as local mode only. */
export const USAGE = `Usage: npm run -s dsr -- <command> [options]

Commands:
  deadline <receipt-ISO>... [--extended]   due date (YYYY-MM-DD) per receipt instant
  classify FILE.eml...                     one JSON line per mail: {file, types, language, confidence}
  status <id>                              the request and its audit trail as JSON
  approve <id> [--reason TEXT] [--by NAME] [--correct FIELD=VALUE]... [--customer ID]
                                           approve, resuming the waiting workflow (an erasure
                                           needs two different approvers; a rectification the
                                           corrections to make)
  reject <id> --reason TEXT [--by NAME]    reject with the reason the requester is given
  verify <id> --reason TEXT [--by NAME] [--customer ID]
                                           staff confirm the requester's identity (e.g. by phone)
  seed --customers N [--seed S]            synthetic Norwegian customers into the local stores
  extend <id> --reason TEXT [--by NAME]    extend to three months (only within the first month);
                                           the requester is mailed the reason and new date
  inbox triage|quarantine|log [--date D]   mail the inbox set aside for staff, could not read, or logged
  outbox [--to ADDR]                       mails held by the local SES, as JSON
  register-backfill                        once, after upgrading a table from before the case
                                           register: puts older requests in its index
  queue-backfill                           once, after upgrading a table from before the queue
                                           indexes: puts open requests in the console's queue
  audit <id> --verify                      check the case's tamper-evident audit chain; names the
                                           first broken link (exit 1 when broken)
  audit <id> --export [--out DIR]          write the trail for the supervisory authority:
                                           revisjonsspor-<id>.json and .html (Norwegian)
  audit-chain-backfill                     once, after upgrading: chain the audit trails of cases
                                           written before the chain existed
  watch-deadlines                          run the daily deadline watch now: digest and due
                                           warnings to staff (never a warning twice), as JSON

Options:
  --aws       use AWS (credentials chain, DSR_TABLE_NAME, DSR_STATE_MACHINE_ARN) instead of local mode;
              approve, reject, verify and extend then record you as your verified AWS identity
              (STS GetCallerIdentity: your IAM Identity Center or role session name, or IAM user)
  --by NAME   LOCAL MODE ONLY: who approves, rejects, verifies or extends (default: the
              operating-system user); refused with --aws, where nobody can name someone else
  --help      this text`;
