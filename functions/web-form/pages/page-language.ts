import type { Language } from '../../domain/request/request-vocabulary.js';

const NORWEGIAN = new Set(['nb', 'nn', 'no']);

const primaryTag = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** `lang` from either the parameter's value (`en`) or a raw query string (`a=1&lang=en`). */
function fromQuery(query: string | null | undefined): Language | undefined {
  if (!query) return undefined;
  const trimmed = query.startsWith('?') ? query.slice(1) : query;
  const value = trimmed.includes('=') ? new URLSearchParams(trimmed).get('lang') : trimmed;
  const tag = value ? primaryTag(value) : '';
  if (tag === 'en') return 'en';
  if (NORWEGIAN.has(tag)) return 'nb';
  return undefined;
}

/** English or Norwegian, whichever the browser ranks first; `undefined` if it names neither. */
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
    if (tag === 'en') return 'en';
    if (NORWEGIAN.has(tag)) return 'nb';
  }
  return undefined;
}

/**
 * The language to render a page in. An explicit `?lang=` choice (from our language link) wins;
 * otherwise English only when the browser prefers it over any Norwegian (nb, nn, no); otherwise
 * bokmål, because the service is Norwegian first.
 *
 * @param query the `lang` parameter's value or the raw query string
 * @param acceptLanguage the `Accept-Language` header
 * @example pageLanguage(null, 'en-GB,en;q=0.9,nb;q=0.8') // 'en'
 */
export function pageLanguage(query?: string | null, acceptLanguage?: string): Language {
  return fromQuery(query) ?? fromAcceptLanguage(acceptLanguage) ?? 'nb';
}
