import type { InboundMessage } from '../../../functions/domain/inbox/inbound-message.js';

/** A parsed message with the sender's own text, and nothing else unless a test says so. */
export const aMessage = (overrides: Partial<InboundMessage> = {}): InboundMessage => ({
  references: [],
  subject: '',
  from: { address: 'kari.nordmann@example.no', name: 'Kari Nordmann' },
  to: ['naerkontor@obos.no'],
  ownText: '',
  quotedText: '',
  signature: '',
  attachments: [],
  headers: {},
  ...overrides,
});

/** A raw plain-text mail, CRLF line ends, with the given extra headers. */
export function rawMail(body: string, headers: Readonly<Record<string, string>> = {}): string {
  const all: Record<string, string> = {
    From: 'Kari Nordmann <kari.nordmann@example.no>',
    To: 'naerkontor@obos.no',
    Subject: 'Hei',
    Date: 'Mon, 16 Nov 2026 10:00:00 +0100',
    'Message-ID': '<test-1@example.no>',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
    ...headers,
  };
  return `${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}
