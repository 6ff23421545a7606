import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeploySettingsError, PROD_REQUIRED_SETTINGS, SETTING_SOURCES, loadSettings, stackNames } from '../../infra/settings.js';
import { PROD_SETTINGS, SYNTH_TIMEOUT_MS, cdkContext } from './support/synth-dsr-stack.js';

const from = (context: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) => loadSettings({ context: (key) => context[key], env });

describe('stage settings', () => {
  it('is dev by default, and names stacks, resources and domains after the stage', () => {
    expect(from().stage).toBe('dev');
    expect(stackNames('dev')).toEqual({ main: 'ObosNaerkontorDsr-Dev', edge: 'ObosNaerkontorDsrEdge-Dev' });
    expect(stackNames('prod')).toEqual({ main: 'ObosNaerkontorDsr-Prod', edge: 'ObosNaerkontorDsrEdge-Prod' });
    expect(from({ domainName: 'personvern.obos.no', hostedZoneId: 'Z0123456789ABC' })).toMatchObject({
      publicDomain: 'dev.personvern.obos.no',
      consoleDomain: 'console.dev.personvern.obos.no',
      originDomain: 'origin.dev.personvern.obos.no',
      publicBaseUrl: 'https://dev.personvern.obos.no',
      consoleDomainPrefix: 'obos-naerkontor-personvern-dev',
    });
    expect(from(PROD_SETTINGS)).toMatchObject({
      stage: 'prod',
      account: '111111111111',
      publicDomain: 'personvern.obos.no',
      consoleDomain: 'console.personvern.obos.no',
      publicBaseUrl: 'https://personvern.obos.no',
      consoleDomainPrefix: 'obos-naerkontor-personvern',
    });
  });

  it('refuses a stage it does not know', () => {
    expect(() => from({ stage: 'staging' })).toThrowError(/stage \(context "stage" or env DSR_STAGE\): must be one of dev, prod/);
  });

  it.each(PROD_REQUIRED_SETTINGS)('refuses prod without %s, saying where to set it', (name) => {
    const settings: Record<string, unknown> = { ...PROD_SETTINGS };
    delete settings[name];
    const source = SETTING_SOURCES[name];
    expect(() => from(settings)).toThrowError(DeploySettingsError);
    expect(() => from(settings)).toThrowError(`${name} (context "${source.context}" or env ${source.env}): is required for the prod stage`);
  });

  it('does not let a default stand in for a required prod setting, and lists every missing one at once', () => {
    const error = (() => {
      try {
        from({ stage: 'prod' });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a refusal');
    })();
    for (const name of ['account', 'domainName', 'hostedZoneId', 'senderAddress', 'sesIdentityDomain', 'alarmEmail', 'recipientDirectory']) {
      expect(error.message).toContain(`- ${name} `);
    }
  });

  it('takes prod settings from the environment as well', () => {
    const env = Object.fromEntries(Object.entries(PROD_SETTINGS).map(([name, value]) => [SETTING_SOURCES[name as keyof typeof SETTING_SOURCES].env, value]));
    expect(from({}, env)).toMatchObject({ stage: 'prod', domainName: 'personvern.obos.no' });
  });

  it('checks the account, the zone and the MAIL FROM domain', () => {
    expect(() => from({ account: '1234' })).toThrowError(/account.*12-digit/);
    expect(() => from({ domainName: 'personvern.obos.no' })).toThrowError(/hostedZoneId.*needed with domainName/);
    expect(() => from({ domainName: 'personvern.obos.no', hostedZoneId: 'Z0123456789ABC', hostedZoneName: 'example.com' })).toThrowError(/hostedZoneName/);
    expect(() => from({ mailFromDomain: 'bounce.example.com' })).toThrowError(/mailFromDomain.*subdomain/);
    expect(from({ mailFromDomain: 'retur.obos.no' }).mailFromDomain).toBe('retur.obos.no');
  });
});

describe('the CDK app (infra/app.ts) per stage', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let outdir: string;

  /** Runs the app as `cdk synth` does (context in CDK_CONTEXT_JSON), without bundling. */
  const runApp = (context: Record<string, unknown>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ ...cdkContext, 'aws:cdk:bundling-stacks': [], ...context }),
      },
    });

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'dsr-app-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('stops a prod synth without its required settings with one readable message and exit code 1', () => {
    const result = runApp({ stage: 'prod', domainName: 'personvern.obos.no' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid deploy settings');
    expect(result.stderr).toMatch(/alarmEmail .*is required for the prod stage/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, SYNTH_TIMEOUT_MS);

  it('synthesizes prod as two stacks pinned to the stage account: the regional stack and the edge in us-east-1', () => {
    const result = runApp({ ...PROD_SETTINGS });
    expect(result.stderr).not.toMatch(/AwsSolutions-/);
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; environment?: string; properties?: { stackName?: string } }>;
    };
    const stacks = Object.entries(manifest.artifacts).filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack');
    expect(stacks.map(([id, stack]) => [stack.properties?.stackName ?? id, stack.environment]).sort()).toEqual([
      ['ObosNaerkontorDsr-Prod', 'aws://111111111111/eu-north-1'],
      ['ObosNaerkontorDsrEdge-Prod', 'aws://111111111111/us-east-1'],
    ]);
  }, SYNTH_TIMEOUT_MS);
});
