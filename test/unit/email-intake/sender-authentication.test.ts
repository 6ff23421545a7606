import { describe, expect, it } from 'vitest';
import {
  senderAuthentication,
  verdictsFromAuthenticationResults,
} from '../../../functions/domain/intake-mail/sender-authentication.js';

describe('verdictsFromAuthenticationResults', () => {
  it('reads SPF, DKIM and DMARC results of an RFC 8601 header', () => {
    const header = 'mx.google.com; dkim=pass header.i=@example.no header.s=s1; spf=softfail (sender not permitted) smtp.mailfrom=a@example.no; dmarc=fail (p=REJECT) header.from=example.no';
    expect(verdictsFromAuthenticationResults(header)).toEqual({ spf: 'FAIL', dkim: 'PASS', dmarc: 'FAIL' });
  });

  it('gives GRAY for methods the header does not mention, and for no header at all', () => {
    expect(verdictsFromAuthenticationResults('mx.obos.no; spf=pass smtp.mailfrom=example.no')).toEqual({ spf: 'PASS', dkim: 'GRAY', dmarc: 'GRAY' });
    expect(verdictsFromAuthenticationResults(undefined)).toEqual({ spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY' });
  });

  it('maps neutral/none to GRAY and temperror/permerror to PROCESSING_FAILED', () => {
    expect(verdictsFromAuthenticationResults('mx; spf=neutral; dkim=temperror; dmarc=none')).toEqual({
      spf: 'GRAY',
      dkim: 'PROCESSING_FAILED',
      dmarc: 'GRAY',
    });
  });

  it('counts one passing DKIM signature among several as a pass', () => {
    expect(verdictsFromAuthenticationResults('mx; dkim=fail header.d=a.no; dkim=pass header.d=b.no').dkim).toBe('PASS');
  });

  it('ignores method-like text inside comments', () => {
    expect(verdictsFromAuthenticationResults('mx; spf=pass (dkim=fail is not a result here)').dkim).toBe('GRAY');
  });
});

describe('senderAuthentication', () => {
  it('trusts the sender address only when DMARC passed', () => {
    expect(senderAuthentication({ spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' })).toMatchObject({ addressTrusted: true, failed: false });
    expect(senderAuthentication({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' })).toMatchObject({ addressTrusted: false, failed: false });
    expect(senderAuthentication({ spf: 'FAIL', dkim: 'PASS', dmarc: 'PASS' })).toMatchObject({ addressTrusted: true, failed: true });
  });
});
