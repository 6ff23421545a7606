import { describe, expect, it } from 'vitest';
import { CommandError, UsageError } from '../../../infra/cli/cli-errors.js';
import { classifyCommand } from '../../../infra/cli/commands/classify-command.js';
import { rawMail } from './inbound-message-fixture.js';

const files: Record<string, string | Buffer> = {
  'slett.eml': rawMail('Slett meg fra alle systemene deres, jeg har sagt opp.'),
  'faktura.eml': rawMail('Når kommer fakturaen for desember?'),
  'bilde.eml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
  'inysn.eml': rawMail('Hei vil ha inysn i det dere har om meg'),
  'statistikk.eml': rawMail('Jeg protesterer mot at dere bruker dørloggen min til statistikk over besøk.'),
  'hr.eml': rawMail('Jeg jobber i HR. Vi ber om en oversikt over når vår ansatt Per Dahl har vært på kontoret i oktober.'),
};
const readFile = async (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

describe('classifyCommand', () => {
  it('prints one JSON line per file, in order: file, types, language, confidence, then category, route, flags and cues', async () => {
    const lines = (await classifyCommand(['slett.eml', 'faktura.eml'], readFile)).split('\n').map((line) => JSON.parse(line));

    expect(lines).toEqual([
      expect.objectContaining({ file: 'slett.eml', types: ['erasure'], language: 'nb', confidence: expect.any(Number), category: 'rights_request', route: 'case' }),
      expect.objectContaining({ file: 'faktura.eml', types: [], language: 'nb', confidence: expect.any(Number), category: 'billing' }),
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['file', 'types', 'language', 'confidence', 'category', 'route', 'onBehalfOfOther', 'thirdParty', 'possibleBreach', 'cues']);
  });

  it('shows which cue fired and the words it matched, a typo included', async () => {
    const [line] = (await classifyCommand(['inysn.eml'], readFile)).split('\n').map((text) => JSON.parse(text) as { types: string[]; cues: string[] });

    expect(line!.types).toEqual(['access']);
    expect(line!.cues).toContainEqual(expect.stringMatching(/^access: innsyn\*.* ← "inysn"$/));
  });

  it('lists the objection cues under the objection told apart by its purpose: statistics is the Art. 21(1) objection', async () => {
    const [line] = (await classifyCommand(['statistikk.eml'], readFile)).split('\n').map((text) => JSON.parse(text) as { types: string[]; cues: string[] });

    expect(line!.types).toEqual(['processing_objection']);
    expect(line!.cues.some((cue) => cue.startsWith('processing_objection: '))).toBe(true);
    expect(line!.cues.filter((cue) => cue.startsWith('objection: '))).toEqual([]);
  });

  it('routes a request about someone else to triage as third_party, with the cues that said so', async () => {
    const [line] = (await classifyCommand(['hr.eml'], readFile)).split('\n').map((text) => JSON.parse(text) as { route: string; thirdParty: boolean; cues: string[] });

    expect(line).toMatchObject({ route: 'triage:third_party', thirdParty: true, employer: true });
    expect(line!.cues.some((cue) => cue.startsWith('third_party: '))).toBe(true);
  });

  it('marks no employer where another customer asks about someone else', async () => {
    const [line] = (
      await classifyCommand(['nabo.eml'], async () => rawMail('Jeg vil ha en oversikt over når naboen min Per Dahl har vært i bygget i oktober.'))
    )
      .split('\n')
      .map((text) => JSON.parse(text) as { employer?: boolean });
    expect(line!.employer).toBeUndefined();
  });

  it('prints an unparseable file with confidence 0 and error "unparseable"', async () => {
    expect(await classifyCommand(['bilde.eml'], readFile)).toBe('{"file":"bilde.eml","types":[],"language":"nb","confidence":0,"error":"unparseable"}');
  });

  it('throws UsageError without files and CommandError for a file it cannot read', async () => {
    await expect(classifyCommand([], readFile)).rejects.toBeInstanceOf(UsageError);
    await expect(classifyCommand(['finnes-ikke.eml'], readFile)).rejects.toBeInstanceOf(CommandError);
  });
});
