import { describe, expect, it } from 'vitest';
import { DeploySettingsError, loadSettings } from '../../infra/settings.js';

const from = (context: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) =>
  loadSettings({ context: (key) => context[key], env });

describe('loadSettings', () => {
  it('defaults to naerkontor@obos.no via obos.no in eu-north-1', () => {
    expect(from()).toEqual({
      senderAddress: 'naerkontor@obos.no',
      sesIdentityDomain: 'obos.no',
      publicBaseUrl: undefined,
      region: 'eu-north-1',
      logRetentionDays: 90,
      logLevel: 'info',
      alarmEmail: undefined,
    });
  });

  it('takes a context value over the environment variable', () => {
    const settings = from({ region: 'eu-west-1' }, { DSR_REGION: 'eu-central-1', DSR_LOG_RETENTION_DAYS: '30' });
    expect(settings).toMatchObject({ region: 'eu-west-1', logRetentionDays: 30 });
  });

  it('treats a blank value as unset', () => {
    expect(from({}, { DSR_PUBLIC_BASE_URL: '', DSR_REGION: ' ' })).toMatchObject({
      publicBaseUrl: undefined,
      region: 'eu-north-1',
    });
  });

  it('drops a trailing slash from the public base URL', () => {
    expect(from({ publicBaseUrl: 'https://personvern.obos.no/' }).publicBaseUrl).toBe('https://personvern.obos.no');
  });

  it('rejects a region outside the EU/EEA, naming the setting and where to set it', () => {
    expect(() => from({}, { DSR_REGION: 'us-east-1' })).toThrowError(DeploySettingsError);
    expect(() => from({}, { DSR_REGION: 'us-east-1' })).toThrowError(/region \(context "region" or env DSR_REGION\)/);
  });

  it('rejects a sender outside the SES identity domain', () => {
    expect(() => from({ senderAddress: 'someone@gmail.com' })).toThrowError(/senderAddress.*obos\.no/);
  });

  it('accepts a sender in a subdomain of the identity', () => {
    expect(from({ senderAddress: 'dpo@naerkontor.obos.no' }).senderAddress).toBe('dpo@naerkontor.obos.no');
  });

  it('lists every invalid setting at once', () => {
    const error = (() => {
      try {
        from({
          publicBaseUrl: 'http://insecure.example',
          logRetentionDays: '42',
          alarmEmail: 'not-an-address',
          logLevel: 'trace',
          senderAddress: 'someone@gmail.com',
        });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected loadSettings to throw');
    })();
    expect(error.message).toMatch(/publicBaseUrl/);
    expect(error.message).toMatch(/logRetentionDays/);
    expect(error.message).toMatch(/alarmEmail/);
    expect(error.message).toMatch(/logLevel/);
    expect(error.message).toMatch(/senderAddress/);
  });
});
