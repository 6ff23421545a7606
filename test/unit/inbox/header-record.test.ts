import { describe, expect, it } from 'vitest';
import { headerRecord } from '../../../functions/domain/inbox/parsing/header-record.js';

describe('headerRecord', () => {
  it('decodes encoded words in any charset, with RFC 2231 language tags, joining adjacent words', () => {
    const record = headerRecord([
      { key: 'subject', line: 'Subject: =?windows-1252?Q?Innsyn_=96_80=80?= =?UTF-8*no?B?w6bDuMOl?=' },
      { key: 'x-sender-name', line: 'X-Sender-Name: =?iso-8859-1?Q?V=E6r_s=E5_snill?=' },
    ]);

    expect(record).toEqual({ subject: 'Innsyn – 80€æøå', 'x-sender-name': 'Vær så snill' });
  });

  it('unfolds continuation lines and joins a repeated header with a newline', () => {
    const record = headerRecord([
      { key: 'received', line: 'Received: from a\r\n\tby b' },
      { key: 'Received', line: 'Received: from c' },
    ]);

    expect(record).toEqual({ received: 'from a by b\nfrom c' });
  });
});
