import type { Language } from '../request/request-vocabulary.js';

/**
 * The download page of a request's export package, in the requester's language: the only way to
 * the data, which never travel in a mail. `publicBaseUrl` is the site's origin (`PUBLIC_BASE_URL`);
 * without it the link is site-relative, as the verification links are.
 *
 * @example downloadPageLink('https://personvern.example.no/', 'NK-20261123-7KQ4M2PX', 'en')
 * // 'https://personvern.example.no/download/NK-20261123-7KQ4M2PX?lang=en'
 */
export function downloadPageLink(publicBaseUrl: string | undefined, requestId: string, language: Language): string {
  const base = (publicBaseUrl ?? '').replace(/\/+$/, '');
  return `${base}/download/${encodeURIComponent(requestId)}?lang=${language}`;
}
