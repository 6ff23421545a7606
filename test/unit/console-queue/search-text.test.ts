import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../functions/domain/console-queue/search-text.js';

describe('foldForSearch', () => {
  it('lower-cases, removes accents and folds Nordic letters', () => {
    expect(foldForSearch('  Åse  SØRLIE ')).toBe('ase sorlie');
    expect(foldForSearch('Ærøskøbing')).toBe('aeroskobing');
    expect(foldForSearch('José Müller')).toBe('jose muller');
  });

  it('folds the decomposed and the composed form of å the same way', () => {
    expect(foldForSearch('A\u030Ase')).toBe(foldForSearch('\u00C5se'));
  });
});
