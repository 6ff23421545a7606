import { describe, expect, it } from 'vitest';
import { caseReferencesInSubject, referencedMessageKeys } from '../../../functions/domain/intake-mail/follow-up-references.js';
import { referencedMessageKey } from '../../../functions/domain/intake-mail/message-identity.js';
import { aMessage } from './intake-fixture.js';

describe('referencedMessageKeys', () => {
  it('lists In-Reply-To first, then References newest first, each once, brackets ignored', () => {
    const message = aMessage({ inReplyTo: '<c@x>', references: ['<a@x> <b@x>', 'c@x'] });
    expect(referencedMessageKeys(message)).toEqual(['c@x', 'b@x', 'a@x'].map((id) => referencedMessageKey(id)));
  });
});

describe('caseReferencesInSubject', () => {
  it('finds our references in any case, once each, and ignores look-alikes with I, L, O or U', () => {
    expect(caseReferencesInSubject('Re: Re: referanse nk-20261123-7kq4m2px (NK-20261123-7KQ4M2PX)')).toEqual(['NK-20261123-7KQ4M2PX']);
    expect(caseReferencesInSubject('NK-20261123-ILOU1234')).toEqual([]);
  });
});
