import type { InboundMessage } from '../../domain/inbox/inbound-message.js';
import type { Logger } from '../../platform/logger.js';
import type { ReceivedMailDeps } from './console-deps.js';

/**
 * A received mail, parsed again from the raw message the intake stored (the inbox keeps no text
 * of its own; the raw message is the one copy). Undefined when it is gone or cannot be read: the
 * page then shows what the case or triage entry recorded, never an error page.
 */
export async function readReceivedMail(
  deps: ReceivedMailDeps & { readonly logger: Logger },
  rawKey: string,
): Promise<InboundMessage | undefined> {
  try {
    const raw = await deps.rawMail.read(rawKey);
    return raw === undefined ? undefined : await deps.parse(raw);
  } catch (error) {
    deps.logger.warn('console.mail_unreadable', { reason: error instanceof Error ? error.name : 'unknown' });
    return undefined;
  }
}
