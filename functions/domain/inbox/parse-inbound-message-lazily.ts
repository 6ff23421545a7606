import type { parseInboundMessage } from './parse-inbound-message.js';

/**
 * {@link parseInboundMessage}, with the parser loaded on the first call instead of at start-up.
 *
 * mailparser and its charset tables take about 150 ms to load; the staff console needs them only
 * on the page of a received mail and the inbox once per mail, so a cold start that serves anything
 * else (the queue, a sign-in, a mail-free case page) should not pay for them. Modules are cached
 * after the first import, so later calls cost nothing extra.
 */
export const parseInboundMessageLazily: typeof parseInboundMessage = async (raw, limits) => {
  const { parseInboundMessage: parse } = await import('./parse-inbound-message.js');
  return parse(raw, limits);
};
