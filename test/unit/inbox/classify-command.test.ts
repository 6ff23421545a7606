import { describe, expect, it } from 'vitest';
import { CommandError, UsageError } from '../../../infra/cli/cli-errors.js';
import { classifyCommand } from '../../../infra/cli/commands/classify-command.js';
import { rawMail } from './inbound-message-fixture.js';

const files: Record<string, string | Buffer> = {
  'slett.eml': rawMail('Slett meg fra alle systemene deres, jeg har sagt opp.'),
  'faktura.eml': rawMail('Når kommer fakturaen for desember?'),
  'bilde.eml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
};
const readFile = async (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

describe('classifyCommand', () => {
  it('prints one JSON line per file, in order: file, types, language, confidence', async () => {
    const lines = (await classifyCommand(['slett.eml', 'faktura.eml'], readFile)).split('\n').map((line) => JSON.parse(line));

    expect(lines).toEqual([
      { file: 'slett.eml', types: ['erasure'], language: 'nb', confidence: expect.any(Number) },
      { file: 'faktura.eml', types: [], language: 'nb', confidence: expect.any(Number) },
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['file', 'types', 'language', 'confidence']);
  });

  it('prints an unparseable file with confidence 0 and error "unparseable"', async () => {
    expect(await classifyCommand(['bilde.eml'], readFile)).toBe('{"file":"bilde.eml","types":[],"language":"nb","confidence":0,"error":"unparseable"}');
  });

  it('throws UsageError without files and CommandError for a file it cannot read', async () => {
    await expect(classifyCommand([], readFile)).rejects.toBeInstanceOf(UsageError);
    await expect(classifyCommand(['finnes-ikke.eml'], readFile)).rejects.toBeInstanceOf(CommandError);
  });
});
