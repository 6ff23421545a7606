import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentLibraries, DOCUMENT_LIBRARIES, DOCUMENT_LIBRARY_FUNCTIONS } from '../../infra/constructs/document-libraries-layer.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack } from './support/synth-dsr-stack.js';

const run = promisify(execFile);

/** Uses the layer's libraries as a function on Lambda does: found through NODE_PATH, nothing else. */
const USE_LIBRARIES = `
const { simpleParser } = require('mailparser');
const libmime = require('libmime');
const he = require('he');
const { PDFDocument } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');
(async () => {
  const raw = 'From: =?iso-8859-1?Q?Kj=E6re_Kari?= <kari@example.no>\\r\\nSubject: =?UTF-8?Q?Innsynsbegj=C3=A6ring?=\\r\\nContent-Type: text/plain; charset=windows-1252\\r\\nContent-Transfer-Encoding: 8bit\\r\\n\\r\\n' + Buffer.from('Jeg vil se dataene mine, takk.').toString('latin1') + '\\r\\n';
  const mail = await simpleParser(Buffer.from(raw, 'latin1'));
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.addPage();
  const pdf = await doc.save();
  process.stdout.write(JSON.stringify({
    from: mail.from.value[0].name, subject: mail.subject, text: mail.text.trim(),
    word: libmime.decodeWords('=?UTF-8?B?w6bDuMOl?='), entity: he.decode('Bl&aring;b&aelig;r'),
    pdf: Buffer.from(pdf.slice(0, 5)).toString('latin1'),
    resolvedFrom: [require.resolve('mailparser'), require.resolve('pdf-lib')],
  }));
})();
`;

describe('document libraries layer', () => {
  let layerDir: string;
  let sizes: Record<string, number>;

  beforeAll(() => {
    layerDir = mkdtempSync(join(tmpdir(), 'dsr-document-libraries-'));
    sizes = buildDocumentLibraries(layerDir);
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => rmSync(layerDir, { recursive: true, force: true }));

  it('holds each library as one minified file where Lambda looks for layer modules', () => {
    expect(Object.keys(sizes).sort()).toEqual([...DOCUMENT_LIBRARIES].sort());
    // mailparser takes libmime and he from the layer instead of carrying copies.
    expect(sizes.mailparser).toBeLessThan(sizes.libmime! + 400 * 1024);
  });

  it('parses a mail (charsets, encoded words, entities) and makes a PDF with nothing but the layer', async () => {
    const script = join(layerDir, 'use-libraries.cjs');
    writeFileSync(script, USE_LIBRARIES);

    const { stdout } = await run(process.execPath, [script], { cwd: layerDir, env: { PATH: process.env.PATH ?? '', NODE_PATH: join(layerDir, 'nodejs', 'node_modules') } });

    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ from: 'Kjære Kari', subject: 'Innsynsbegjæring', text: 'Jeg vil se dataene mine, takk.', word: 'æøå', entity: 'Blåbær', pdf: '%PDF-' });
    for (const path of result.resolvedFrom as string[]) expect(path.startsWith(join(layerDir, 'nodejs', 'node_modules'))).toBe(true);
  });

  it('is one layer in the stack, given to the functions that read raw mail or make PDFs and to no other', () => {
    // With the inbox on (in a region where SES receives mail), so email-intake is deployed.
    const { template, functionId } = synthDsrStack({ inboxEnabled: 'true', region: 'eu-west-1' });
    const layers = Object.entries(template.findResources('AWS::Lambda::LayerVersion') as Record<string, { Properties: { Description: string } }>)
      .filter(([, layer]) => layer.Properties.Description.startsWith('Mail parsing and PDF libraries'))
      .map(([id]) => id);
    expect(layers).toHaveLength(1);
    const functions = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Layers?: unknown[] } }>;
    const withLayer = Object.entries(functions)
      .filter(([, resource]) => JSON.stringify(resource.Properties.Layers ?? []).includes(layers[0]!))
      .map(([id]) => id)
      .sort();
    expect(withLayer).toEqual(DOCUMENT_LIBRARY_FUNCTIONS.map((folder) => functionId(folder as Parameters<typeof functionId>[0])).sort());
  }, SYNTH_TIMEOUT_MS);
});
