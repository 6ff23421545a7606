import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanCapturedLogs } from '../../support/log-privacy-setup.js';

let dir: string;
const prepare = (personal: string[], logs: string[]): void => {
  dir = mkdtempSync(join(tmpdir(), 'dsr-log-scan-'));
  writeFileSync(join(dir, 'personal-data-1-1.json'), JSON.stringify(personal));
  writeFileSync(join(dir, 'logs-1.jsonl'), `${logs.join('\n')}\n`);
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the log privacy check', () => {
  it('finds a stored e-mail address, name or phone number in a log line, whatever its case', () => {
    prepare(
      ['kari.nordmann@example.no', 'Kari Nordmann', '+4791234567'],
      [
        '{"level":"info","event":"request.created","requestId":"NK-20261207-AAAA2222"}',
        '{"level":"error","event":"send.failed","cause":"Rejected: KARI.NORDMANN@EXAMPLE.NO"}',
        '{"level":"debug","event":"x","who":"kari nordmann"}',
        '{"level":"warn","event":"sms","to":"+4791234567"}',
      ],
    );
    const scan = scanCapturedLogs(dir);
    expect(scan.logLines).toBe(4);
    expect(scan.leaks.map((leak) => [leak.line, leak.kind])).toEqual([
      [2, 'e-mail address'],
      [3, 'name'],
      [4, 'phone number'],
    ]);
  });

  it('reports the kind of value, never the value itself', () => {
    prepare(['ola.hansen@example.no'], ['{"level":"info","to":"ola.hansen@example.no"}']);
    expect(JSON.stringify(scanCapturedLogs(dir).leaks)).not.toContain('ola');
  });

  it('passes logs that carry only ids, events and counts', () => {
    prepare(['kari.nordmann@example.no', 'Kari Nordmann'], ['{"level":"info","event":"gather.done","count":12}']);
    expect(scanCapturedLogs(dir).leaks).toEqual([]);
  });
});

describe('--json FILE', async () => {
  const { jsonReportPath } = await import('../../../bench/bench-report.js');
  it('takes the file after --json or after --json=, and refuses a missing name', () => {
    expect(jsonReportPath(['--json', 'out.json'])).toMatch(/\/out\.json$/);
    expect(jsonReportPath(['--json=figures.json'])).toMatch(/\/figures\.json$/);
    expect(jsonReportPath([])).toBeUndefined();
    expect(() => jsonReportPath(['--json'])).toThrow(/needs a file name/);
  });
});
