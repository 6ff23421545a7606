import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPIENT_DIRECTORY } from '../../functions/domain/recipients/recipient-directory.js';
import { DeploySettingsError, EEA_REGIONS, SES_RECEIVING_REGIONS, loadSettings } from '../../infra/settings.js';

const from = (context: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) =>
  loadSettings({ context: (key) => context[key], env });

describe('loadSettings', () => {
  it('defaults to naerkontor@obos.no via obos.no in eu-north-1', () => {
    expect(from()).toEqual({
      stage: 'dev',
      account: undefined,
      domainName: undefined,
      hostedZoneId: undefined,
      hostedZoneName: undefined,
      mailFromDomain: 'bounce.obos.no',
      publicDomain: undefined,
      consoleDomain: undefined,
      originDomain: undefined,
      senderAddress: 'naerkontor@obos.no',
      sesIdentityDomain: 'obos.no',
      publicBaseUrl: undefined,
      region: 'eu-north-1',
      logRetentionDays: 90,
      logLevel: 'info',
      alarmEmail: undefined,
      customersTableName: undefined,
      billingTableName: undefined,
      accessLogTableName: undefined,
      customerDataKeyArn: undefined,
      exportDownloadDays: 14,
      recipientAddresses: {},
      recipientDirectory: DEFAULT_RECIPIENT_DIRECTORY,
      inboxEnabled: false,
      inboxAddress: 'naerkontor@obos.no',
      activateReceiptRuleSet: false,
      consoleDomainPrefix: 'obos-naerkontor-personvern-dev',
      staffDigestAddress: 'personvern@obos.no',
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

  it('names existing customer-data tables from context or environment', () => {
    expect(
      from({ customersTableName: 'legacy-customers' }, { DSR_BILLING_TABLE_NAME: 'legacy-billing', DSR_ACCESS_LOG_TABLE_NAME: 'door.events' }),
    ).toMatchObject({ customersTableName: 'legacy-customers', billingTableName: 'legacy-billing', accessLogTableName: 'door.events' });
  });

  it('rejects a table name DynamoDB would not accept', () => {
    expect(() => from({}, { DSR_CUSTOMERS_TABLE_NAME: 'kunder og abonnement' })).toThrowError(
      /customersTableName \(context "customersTableName" or env DSR_CUSTOMERS_TABLE_NAME\)/,
    );
  });

  it('accepts a key for existing tables only, and only in the deploy region', () => {
    const keyArn = 'arn:aws:kms:eu-north-1:111111111111:key/0b9ad4a2-1111-2222-3333-444455556666';
    expect(from({ customersTableName: 'legacy-customers', customerDataKeyArn: keyArn }).customerDataKeyArn).toBe(keyArn);
    expect(() => from({ customerDataKeyArn: keyArn })).toThrowError(/customerDataKeyArn.*existing tables/);
    expect(() => from({ customersTableName: 'legacy-customers', customerDataKeyArn: keyArn, region: 'eu-west-1' })).toThrowError(
      /customerDataKeyArn.*region/,
    );
    expect(() => from({ customersTableName: 'legacy-customers', customerDataKeyArn: 'alias/customers' })).toThrowError(/customerDataKeyArn/);
  });

  it('reads the download window as a whole number of days', () => {
    expect(from({}, { DSR_EXPORT_DOWNLOAD_DAYS: '30' }).exportDownloadDays).toBe(30);
    expect(() => from({ exportDownloadDays: '0' })).toThrowError(/exportDownloadDays/);
    expect(() => from({ exportDownloadDays: '1.5' })).toThrowError(/exportDownloadDays/);
    expect(() => from({ exportDownloadDays: '365' })).toThrowError(/exportDownloadDays/);
  });

  it('reads recipient addresses as JSON from the environment or as an object from context', () => {
    expect(
      from({}, { DSR_RECIPIENT_ADDRESSES: '{"unloc":"privacy@unloc.app","email_platform":"dpo@mail.example"}' }).recipientAddresses,
    ).toEqual({ unloc: 'privacy@unloc.app', email_platform: 'dpo@mail.example' });
    expect(from({ recipientAddresses: { unloc: 'privacy@unloc.app' } }).recipientAddresses).toEqual({ unloc: 'privacy@unloc.app' });
  });

  it('rejects recipient addresses that are not a JSON object of ids to e-mail addresses', () => {
    expect(() => from({}, { DSR_RECIPIENT_ADDRESSES: '{unloc: privacy@unloc.app}' })).toThrowError(/recipientAddresses.*JSON object/);
    expect(() => from({}, { DSR_RECIPIENT_ADDRESSES: '{"unloc":"not-an-address"}' })).toThrowError(/recipientAddresses/);
    expect(() => from({}, { DSR_RECIPIENT_ADDRESSES: '["privacy@unloc.app"]' })).toThrowError(/recipientAddresses/);
    expect(() => from({}, { DSR_RECIPIENT_ADDRESSES: '{"unlock":"privacy@unloc.app"}' })).toThrowError(/unknown recipient id "unlock"/);
  });

  it('reads the recipient directory as JSON and refuses one that names a recipient outside the EEA without a safeguard', () => {
    const directory = DEFAULT_RECIPIENT_DIRECTORY.map((recipient) => (recipient.id === 'unloc' ? { ...recipient, name: 'Unloc Norge AS' } : recipient));
    expect(from({}, { DSR_RECIPIENT_DIRECTORY: JSON.stringify(directory) }).recipientDirectory[0]?.name).toBe('Unloc Norge AS');
    const unsafe = DEFAULT_RECIPIENT_DIRECTORY.map(({ safeguard: _safeguard, ...recipient }) => recipient);
    expect(() => from({}, { DSR_RECIPIENT_DIRECTORY: JSON.stringify(unsafe) })).toThrowError(/recipientDirectory.*safeguard/);
    expect(() => from({}, { DSR_RECIPIENT_DIRECTORY: '[{"id":"unloc"}]' })).toThrowError(/recipientDirectory/);
  });

  describe('e-mail inbox', () => {
    it('is off by default and needs no receiving region then', () => {
      expect(from()).toMatchObject({ inboxEnabled: false, activateReceiptRuleSet: false, region: 'eu-north-1' });
    });

    it('turns on in a region where SES receives e-mail, from context or environment', () => {
      expect(from({ inboxEnabled: 'true', region: 'eu-west-1' }).inboxEnabled).toBe(true);
      expect(from({}, { DSR_INBOX_ENABLED: 'TRUE', DSR_REGION: 'eu-central-1' }).inboxEnabled).toBe(true);
      expect(from({ inboxEnabled: true, region: 'eu-west-1' }).inboxEnabled).toBe(true);
      expect(from({ inboxEnabled: false }).inboxEnabled).toBe(false);
    });

    it('refuses the inbox in a region where SES does not receive, saying where it can go', () => {
      expect(() => from({ inboxEnabled: 'true' })).toThrowError(DeploySettingsError);
      expect(() => from({ inboxEnabled: 'true' })).toThrowError(
        /inboxEnabled \(context "inboxEnabled" or env DSR_INBOX_ENABLED\): SES receives e-mail in eu-west-1 and eu-central-1 only .* not in eu-north-1/,
      );
      for (const region of EEA_REGIONS.filter((name) => !SES_RECEIVING_REGIONS.includes(name))) {
        expect(() => from({ inboxEnabled: 'true', region }), region).toThrowError(/inboxEnabled/);
      }
    });

    it('knows eu-west-1 receives and eu-north-1 does not', () => {
      expect(SES_RECEIVING_REGIONS).toContain('eu-west-1');
      expect(SES_RECEIVING_REGIONS).not.toContain('eu-north-1');
      expect(SES_RECEIVING_REGIONS.every((region) => (EEA_REGIONS as readonly string[]).includes(region))).toBe(true);
    });

    it('rejects a flag that is not true or false', () => {
      expect(() => from({}, { DSR_INBOX_ENABLED: 'yes' })).toThrowError(/inboxEnabled.*true or false/);
      expect(() => from({ activateReceiptRuleSet: '1' })).toThrowError(/activateReceiptRuleSet.*true or false/);
    });

    it('activates the rule set only as part of the inbox', () => {
      expect(() => from({ activateReceiptRuleSet: 'true' })).toThrowError(/activateReceiptRuleSet.*inboxEnabled/);
      expect(
        from({ inboxEnabled: 'true', region: 'eu-west-1' }, { DSR_ACTIVATE_RECEIPT_RULE_SET: 'true' }).activateReceiptRuleSet,
      ).toBe(true);
    });

    it('reads the inbox address, lower-cased, and rejects one that is not an address', () => {
      expect(from({}, { DSR_INBOX_ADDRESS: 'Personvern@Naerkontor.obos.no' }).inboxAddress).toBe('personvern@naerkontor.obos.no');
      expect(() => from({ inboxAddress: 'naerkontor' })).toThrowError(/inboxAddress \(context "inboxAddress" or env DSR_INBOX_ADDRESS\)/);
    });
  });

  describe('staff console', () => {
    it('reads the Cognito domain prefix from context or environment', () => {
      expect(from({ consoleDomainPrefix: 'obos-dsr-test' }).consoleDomainPrefix).toBe('obos-dsr-test');
      expect(from({}, { DSR_CONSOLE_DOMAIN_PREFIX: 'personvern-2' }).consoleDomainPrefix).toBe('personvern-2');
      expect(from({}, { DSR_CONSOLE_DOMAIN_PREFIX: ' ' }).consoleDomainPrefix).toBe('obos-naerkontor-personvern-dev');
    });

    it('rejects a domain prefix Cognito would not accept, naming the setting', () => {
      for (const prefix of ['OBOS-personvern', 'obos_personvern', '-obos', 'obos-', 'obos.personvern', 'a'.repeat(64)]) {
        expect(() => from({ consoleDomainPrefix: prefix }), prefix).toThrowError(
          /consoleDomainPrefix \(context "consoleDomainPrefix" or env DSR_CONSOLE_DOMAIN_PREFIX\)/,
        );
      }
      for (const prefix of ['obos-aws-login', 'amazon-obos', 'obos-cognito']) {
        expect(() => from({ consoleDomainPrefix: prefix }), prefix).toThrowError(/consoleDomainPrefix.*aws, amazon or cognito/);
      }
    });

    it('reads the staff digest address, lower-cased, and rejects one that is not an address', () => {
      expect(from({}, { DSR_STAFF_DIGEST_ADDRESS: 'Personvernombud@OBOS.no' }).staffDigestAddress).toBe('personvernombud@obos.no');
      expect(from({ staffDigestAddress: 'saksbehandling@obos.no' }).staffDigestAddress).toBe('saksbehandling@obos.no');
      expect(() => from({ staffDigestAddress: 'personvern' })).toThrowError(
        /staffDigestAddress \(context "staffDigestAddress" or env DSR_STAFF_DIGEST_ADDRESS\)/,
      );
    });

    it('refuses a digest address that is the request inbox, whatever its case, since the digest would come back in as a request', () => {
      expect(() => from({ staffDigestAddress: 'naerkontor@obos.no' })).toThrowError(/staffDigestAddress.*request inbox/);
      expect(() => from({ staffDigestAddress: 'Naerkontor@OBOS.no' })).toThrowError(/staffDigestAddress.*request inbox/);
      expect(() => from({ inboxAddress: 'personvern@obos.no' })).toThrowError(/staffDigestAddress.*request inbox/);
      expect(from({ inboxAddress: 'personvern@obos.no', staffDigestAddress: 'personvernombud@obos.no' })).toMatchObject({
        inboxAddress: 'personvern@obos.no',
        staffDigestAddress: 'personvernombud@obos.no',
      });
    });
  });
});
