import type { Language } from '../domain/request/request-vocabulary.js';

/** Norwegian tags that mean bokmål: `no` is Norwegian unspecified, and bokmål is the default written form. */
const BOKMAL = new Set(['nb', 'no']);

/** The page language a primary language tag asks for, if any we serve. */
const fromTag = (tag: string): Language | undefined => (tag === 'en' || tag === 'nn' ? tag : BOKMAL.has(tag) ? 'nb' : undefined);

const primaryTag = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** `lang` from either the parameter's value (`en`) or a raw query string (`a=1&lang=en`). */
function fromQuery(query: string | null | undefined): Language | undefined {
  if (!query) return undefined;
  const trimmed = query.startsWith('?') ? query.slice(1) : query;
  const value = trimmed.includes('=') ? new URLSearchParams(trimmed).get('lang') : trimmed;
  return value ? fromTag(primaryTag(value)) : undefined;
}

/** English, nynorsk or bokmål, whichever the browser ranks first; `undefined` if it names none. */
function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: primaryTag(tag), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = fromTag(tag);
    if (language) return language;
  }
  return undefined;
}

/**
 * The language to render a page in. An explicit `?lang=` choice (from our language links) wins;
 * otherwise the first of English, nynorsk (nn) and bokmål (nb, no) the browser ranks; otherwise
 * bokmål, because the service is Norwegian first.
 *
 * @param query the `lang` parameter's value or the raw query string
 * @param acceptLanguage the `Accept-Language` header
 * @example pageLanguage(null, 'en-GB,en;q=0.9,nb;q=0.8') // 'en'
 */
export function pageLanguage(query?: string | null, acceptLanguage?: string): Language {
  return fromQuery(query) ?? fromAcceptLanguage(acceptLanguage) ?? 'nb';
}
