import { describe, expect, it } from 'vitest';
import { systemAddressCheck } from '../../../functions/domain/request/system-addresses.js';
import { systemAddressCheckFrom } from '../../../functions/wiring/system-address-config.js';

describe('systemAddressCheck', () => {
  const isOwn = systemAddressCheck({ addresses: ['avsender@obos.no', undefined], domains: ['mail.obos.no'] });

  it.each([
    'naerkontor@obos.no',
    'NAERKONTOR@OBOS.NO',
    ' naerkontor+loop@obos.no ',
    'naerkontor@obos.no.',
    'personvern@obos.no',
    'personvern+x@obos.no',
    'avsender@obos.no',
    'bounce@bounce.obos.no',
    '0100018c-abc@BOUNCE.obos.no',
    'x@eu-north-1.bounce.obos.no',
    'anyone@mail.obos.no',
  ])('knows %s as the system’s own', (address) => {
    expect(isOwn(address)).toBe(true);
  });

  it.each(['kari.nordmann@obos.no', 'naerkontor@obos.com', 'naerkontor@example.no', 'bounce@obos.no', 'x@notbounce.obos.no', 'x@mail.obos.no.example'])(
    'takes %s as a person’s',
    (address) => {
      expect(isOwn(address)).toBe(false);
    },
  );

  it('reads the sender, digest address and MAIL FROM domain from the settings', () => {
    const check = systemAddressCheckFrom({ SENDER_ADDRESS: 'post@example.com', STAFF_DIGEST_ADDRESS: 'digest@example.com', MAIL_FROM_DOMAIN: 'mf.example.com' });

    expect(['post@example.com', 'digest+1@example.com', 'a@mf.example.com', 'naerkontor@obos.no'].map(check)).toEqual([true, true, true, true]);
    expect(check('kunde@example.com')).toBe(false);
  });
});
