import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../functions/platform/phone-number.js';

describe('normalisePhone', () => {
  it.each([
    ['934 20 183', '+4793420183'],
    ['93420183', '+4793420183'],
    ['+47 934 20 183', '+4793420183'],
    ['+4793420183', '+4793420183'],
    ['0047 934 20 183', '+4793420183'],
    ['(+47) 934-20-183', '+4793420183'],
    ['4793420183', '+4793420183'],
    ['22 33 44 55', '+4722334455'],
    ['\u00a0412\u00a034\u00a0567 ', '+4741234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046 70-123 45 67', '+46701234567'],
    ['+44 (0)20 7946 0018', '+442079460018'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['ring meg', 'words'],
    ['934 20 18', 'seven Norwegian digits'],
    ['934 20 1834', 'nine digits without country code'],
    ['+47 934 20 1834', 'nine Norwegian digits after +47'],
    ['+47 034 20 183', 'a Norwegian number starting with 0'],
    ['12345678', 'a Norwegian number starting with 1'],
    ['+0 123 456 789', 'country code starting with 0'],
    ['+49 1234 5678 9012 345', 'more than 15 digits'],
    ['93420183 ext 12', 'trailing text'],
    ['+47+93420183', 'two plus signs'],
    ['9'.repeat(60), 'very long input'],
  ])('returns undefined for %j (%s)', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });

  it('returns undefined for a value that is not a string', () => {
    expect(normalisePhone(undefined as unknown as string)).toBeUndefined();
    expect(normalisePhone(93420183 as unknown as string)).toBeUndefined();
  });
});
