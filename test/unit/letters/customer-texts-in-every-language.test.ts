import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/request/request-vocabulary.js';
import type { RenderedText } from '../../support/letter-style-rules.js';
import { renderEveryText } from './rendered-letters.js';

/**
 * Every text a customer reads exists in bokmål, nynorsk and English. Where texts are records keyed
 * by language the compiler already refuses a missing language; this test also covers what the
 * compiler cannot see: `as const` objects, texts chosen with `if (language === …)`, and whole
 * letters and pages that quietly fall back to bokmål.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../functions');

/** The folders that hold customer texts. */
const TEXT_FOLDERS = [
  'domain/letters',
  'domain/letter-format',
  'domain/export',
  'domain/request',
  'domain/plan/request-types',
  'domain/verification',
  'http/web-form/pages',
  'http/verify-page/pages',
  'http/download-page/pages',
  'web',
];

/**
 * Sentences that read the same in bokmål and nynorsk, word for word. Anything else of six words or
 * more that is identical in nb and nn was not translated.
 */
const SAME_IN_NB_AND_NN = new Set([
  'Du har rett til å klage til Datatilsynet (www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo).',
  'Registrert når du betaler (med kort, Vipps, faktura eller AvtaleGiro).',
  'Dataportabilitet (maskinlesbar kopi)',
  'Protesten din mot analyse og utvikling',
  'Hos OBOS BBL, som har ansvaret for medlemsregisteret',
  'Be OBOS BBL om innsyn (obos.no).',
]);

interface Localised {
  readonly path: string;
  readonly texts: Readonly<Record<string, unknown>>;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** Every object under `value` that holds a text per language (it has `nb` and `en`). */
function localisedIn(value: unknown, path: string, found: Localised[], seen: Set<unknown>): void {
  if (!isPlain(value) || seen.has(value)) return;
  seen.add(value);
  if ('nb' in value && 'en' in value) found.push({ path, texts: value });
  for (const [key, child] of Object.entries(value)) localisedIn(child, `${path}.${key}`, found, seen);
}

const sourceFiles = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(ROOT, folder, entry.name));

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

let structures: Localised[];
/** What customers read; the Art. 19 notices go to companies, in Norwegian only, and are left out. */
let rendered: RenderedText[];

beforeAll(async () => {
  structures = [];
  const seen = new Set<unknown>();
  for (const file of TEXT_FOLDERS.flatMap(sourceFiles)) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) localisedIn(value, `${relative(ROOT, file)}:${name}`, structures, seen);
  }
  rendered = (await renderEveryText()).filter((text) => !text.name.startsWith('recipient notice'));
});

describe('customer text structures (nb/nn/en records)', () => {
  it('are found in the text folders', () => {
    // Guards the walk: finding next to nothing would make the checks below pass vacuously.
    expect(structures.length).toBeGreaterThan(100);
  });

  it('have a nynorsk text of the same kind wherever there is a bokmål one', () => {
    const missing = structures
      .filter(({ texts }) => !('nn' in texts) || typeof texts.nn !== typeof texts.nb || (typeof texts.nb === 'string' && texts.nb !== '' && texts.nn === ''))
      .map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it('have a nynorsk sentence that is not the bokmål one word for word', () => {
    const untranslated = structures
      .filter(({ texts }) => typeof texts.nb === 'string' && words(texts.nb) >= 6 && texts.nn === texts.nb && !SAME_IN_NB_AND_NN.has(texts.nb))
      .map(({ path, texts }) => `${path}: ${String(texts.nb)}`);
    expect(untranslated).toEqual([]);
  });

  it('have per-language functions that give a nynorsk text unlike the bokmål one', () => {
    const functions = structures.filter(({ texts }) => typeof texts.nb === 'function');
    expect(functions.length).toBeGreaterThan(0);
    const same = functions
      .filter(({ texts }) => (texts.nn as (arg: unknown) => string)('2') === (texts.nb as (arg: unknown) => string)('2'))
      .map(({ path }) => path);
    expect(same).toEqual([]);
  });
});

describe('every rendered letter and page', () => {
  it('exists in every language under the same name', () => {
    const names = (language: string) => rendered.filter((text) => text.language === language).map((text) => text.name).sort();
    expect(names('nb').length).toBeGreaterThan(50);
    for (const language of LANGUAGES) expect(names(language), language).toEqual(names('nb'));
  });

  it('is written in nynorsk for nn, never the bokmål or English text', () => {
    const byName = (language: string) => new Map(rendered.filter((text) => text.language === language).map((text) => [text.name, text.text]));
    const nb = byName('nb');
    const en = byName('en');
    const fallbacks = [...byName('nn')].filter(([name, text]) => text === nb.get(name) || text === en.get(name)).map(([name]) => name);
    expect(fallbacks).toEqual([]);
  });

  it('in nynorsk uses the words a nynorsk reader expects', () => {
    const nn = rendered.filter((text) => text.language === 'nn');
    const letters = nn.filter((text) => /Vennleg helsing/.test(text.text));
    // Every nn letter is signed in nynorsk, and bokmål's signature never appears.
    expect(letters.length).toBeGreaterThan(30);
    expect(nn.filter((text) => /Vennlig hilsen/.test(text.text)).map((text) => text.name)).toEqual([]);
    const acknowledgement = nn.find((text) => text.name === 'acknowledgement')?.text ?? '';
    expect(acknowledgement).toMatch(/førespurnaden din/);
    expect(acknowledgement).toMatch(/seinast 23\. desember 2026/);
    const restriction = nn.find((text) => text.name === 'reply: restriction with ground and scope (active customer)')?.text ?? '';
    expect(restriction).toContain('Vi har avgrensa behandlinga etter personvernforordninga artikkel 18 nr. 1 bokstav a');
    expect(restriction).toContain('Abonnementet ditt: Du har eit aktivt abonnement');
  });
});
