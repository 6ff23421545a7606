import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { verifyAuditChain, type ChainVerdict, type ChainedAuditEntry, type AuditHead } from '../../../functions/domain/audit/audit-chain.js';
import { CommandError } from '../cli-errors.js';
import { renderAuditTrailPage } from './audit-trail-page.js';

/** What the audit commands read: a case's stored chain (the DynamoDB adapter implements it). */
export interface AuditChainReader {
  read(requestId: string): Promise<{ exists: boolean; head?: AuditHead; links: ChainedAuditEntry[] }>;
}

const PROBLEMS: Readonly<Record<Exclude<ChainVerdict, { ok: true }>['problem'], string>> = {
  unchained: 'oppføringen har ingen lenke i kjeden (kjør dsr audit-chain-backfill for saker fra før kjeden)',
  missing: 'en oppføring mangler foran denne',
  wrong_previous: 'oppføringen peker ikke på hashen til oppføringen før',
  altered: 'innholdet stemmer ikke med hashen: oppføringen er endret',
  head_mismatch: 'siste oppføring er ikke den saken har registrert som siste: oppføringer er fjernet eller lagt til',
};

async function verdictFor(chain: AuditChainReader, id: string): Promise<{ verdict: ChainVerdict; links: ChainedAuditEntry[] }> {
  const { exists, head, links } = await chain.read(id);
  if (!exists) throw new CommandError(`no request with id ${id}`);
  return { verdict: verifyAuditChain(links, head), links };
}

/** Norwegian sentence for a verdict, naming the first broken link. */
export function describeVerdict(id: string, verdict: ChainVerdict): string {
  if (verdict.ok) return `Revisjonssporet for ${id} er helt: ${verdict.entries} oppføringer, siste hash ${verdict.head.hash}.`;
  const where = verdict.entry ? ` (${verdict.entry.event}, ${verdict.entry.at})` : '';
  return `Revisjonssporet for ${id} er brutt ved oppføring nr. ${verdict.brokenAt}${where}: ${PROBLEMS[verdict.problem]}.`;
}

/** `dsr audit <id> --verify`: checks the chain; a broken one fails the command (exit 1) and names the first broken link. */
export async function auditVerifyCommand(chain: AuditChainReader, id: string): Promise<string> {
  const { verdict } = await verdictFor(chain, id);
  if (!verdict.ok) throw new CommandError(describeVerdict(id, verdict));
  return describeVerdict(id, verdict);
}

/**
 * `dsr audit <id> --export [--out DIR]`: writes the trail for the supervisory authority as JSON
 * (every entry with its number, previous hash and hash, and the check's result) and as a readable
 * Norwegian HTML page beside it. Answers the two paths.
 */
export async function auditExportCommand(chain: AuditChainReader, id: string, outDir = '.', now = new Date()): Promise<string> {
  const { verdict, links } = await verdictFor(chain, id);
  const ordered = [...links].sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  const exported = {
    requestId: id,
    exportedAt: now.toISOString(),
    hashAlgorithm: 'SHA-256 over canonical JSON of {entry, seq, prevHash}, keys sorted',
    verification: { ...verdict, summary: describeVerdict(id, verdict) },
    entries: ordered.map((link) => ({ seq: link.seq, prevHash: link.prevHash, hash: link.hash, ...link.entry })),
  };
  const base = join(resolve(outDir), `revisjonsspor-${id}`);
  await writeFile(`${base}.json`, `${JSON.stringify(exported, null, 2)}\n`);
  await writeFile(`${base}.html`, renderAuditTrailPage({ requestId: id, exportedAt: now, summary: describeVerdict(id, verdict), ok: verdict.ok, links: ordered }));
  return `${base}.json\n${base}.html`;
}

/** `dsr audit-chain-backfill`: chains the trails of every case written before the chain existed. */
export async function auditChainBackfillCommand(
  ids: AsyncIterable<string>,
  backfill: (id: string) => Promise<number>,
): Promise<string> {
  let cases = 0;
  let chained = 0;
  let entries = 0;
  for await (const id of ids) {
    cases += 1;
    const linked = await backfill(id);
    if (linked > 0) {
      chained += 1;
      entries += linked;
    }
  }
  return JSON.stringify({ cases, chained, entries });
}
