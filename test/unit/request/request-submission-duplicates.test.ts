import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';

describe('validateSubmission with a right chosen twice', () => {
  it('returns the duplicate-types error alongside other field errors', () => {
    const result = validateSubmission({ name: '', email: 'kari@example.no', types: ['access', 'access'], language: 'en' }, 'en');

    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'Enter your name (at most 200 characters).' },
        { field: 'types', message: 'Each right can be chosen only once.' },
      ],
    });
  });
});
