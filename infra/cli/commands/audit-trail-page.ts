import type { ChainedAuditEntry } from '../../../functions/domain/audit/audit-chain.js';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const osloTime = (iso: string): string =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'medium' }).format(new Date(iso));

/**
 * The audit trail of one case as a self-contained Norwegian HTML page for the supervisory
 * authority (Datatilsynet): who did what when, and each entry's place in the hash chain.
 * Everything from the trail is escaped; the page has no scripts.
 */
export function renderAuditTrailPage(input: {
  readonly requestId: string;
  readonly exportedAt: Date;
  readonly summary: string;
  readonly ok: boolean;
  readonly links: readonly ChainedAuditEntry[];
}): string {
  const rows = input.links
    .map(({ entry, seq, prevHash, hash }) => {
      const status = entry.fromStatus || entry.toStatus ? `${entry.fromStatus ?? '–'} → ${entry.toStatus ?? '–'}` : '';
      const detail = entry.detail ? JSON.stringify(entry.detail) : '';
      return `<tr><td>${seq ?? '–'}</td><td>${escape(osloTime(entry.at))}</td><td>${escape(entry.event)}</td><td>${escape(entry.actor)}</td><td>${escape(status)}</td><td>${escape(entry.reason ?? '')}</td><td><code>${escape(detail)}</code></td><td><code>${escape(prevHash ?? '–')}</code><br><code>${escape(hash ?? '–')}</code></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Revisjonsspor for sak ${escape(input.requestId)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #999;padding:.35rem;text-align:left;vertical-align:top}code{font-size:.75rem;word-break:break-all}.ok{color:#064}.broken{color:#900;font-weight:bold}</style>
</head>
<body>
<h1>Revisjonsspor for sak ${escape(input.requestId)}</h1>
<p>OBOS Nærkontor AS. Utskrevet ${escape(osloTime(input.exportedAt.toISOString()))}.</p>
<p>Hver oppføring bærer SHA-256-hashen av oppføringen før seg, så en endret, fjernet eller innskutt oppføring bryter kjeden og blir synlig.</p>
<p class="${input.ok ? 'ok' : 'broken'}">${escape(input.summary)}</p>
<table>
<thead><tr><th>Nr.</th><th>Tidspunkt</th><th>Hendelse</th><th>Utført av</th><th>Status</th><th>Begrunnelse</th><th>Detaljer</th><th>Forrige hash / hash</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
