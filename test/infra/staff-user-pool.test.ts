import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaffUserPool } from '../../infra/constructs/staff-user-pool.js';
import { appWithoutBundling, SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

/** The console's functions, one per area of work (functions/http/routes.ts). */
const CONSOLE_FOLDERS = ['console-queue', 'console-case', 'console-case-actions', 'console-mail'] as const;

const CALLBACK = 'https://personvern.obos.no/console/callback';
const LOGOUT = 'https://personvern.obos.no/console/';

describe('staff user pool', () => {
  let stack: Stack;
  let pool: StaffUserPool;
  let template: Template;

  beforeAll(() => {
    stack = new Stack(appWithoutBundling(), 'Staff', { env: { account: '123456789012', region: 'eu-north-1' } });
    pool = new StaffUserPool(stack, 'StaffUsers', { callbackUrls: [CALLBACK], logoutUrls: [LOGOUT], domainPrefix: 'obos-dsr' });
    template = Template.fromStack(stack);
  }, SYNTH_TIMEOUT_MS);

  const poolRef = () => ({ Ref: stack.getLogicalId(pool.userPool.node.defaultChild as never) });

  it('requires a one-time-password app as second factor, and no SMS', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('lets only administrators create users, with a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      UserPoolTier: 'ESSENTIALS',
    });
  });

  it('is kept and deletion-protected by default', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('has the groups staff and privacy-officer in the pool', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (resource) => (resource as { Properties: { GroupName: string; UserPoolId: unknown; Description: string } }).Properties,
    );

    expect(groups.map((group) => group.GroupName).sort()).toEqual(['privacy-officer', 'staff']);
    for (const group of groups) {
      expect(group.UserPoolId).toEqual(poolRef());
      expect(group.Description).not.toBe('');
    }
  });

  it('has one app client, without a secret, allowing only the code flow through the hosted pages', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: poolRef(),
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayEquals(['openid', 'email', 'profile']),
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [CALLBACK],
      LogoutURLs: [LOGOUT],
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: 60,
      RefreshTokenValidity: 480,
      TokenValidityUnits: Match.objectLike({ IdToken: 'minutes', RefreshToken: 'minutes' }),
    });
  });

  it('has the Cognito domain with the prefix, and exposes its host name, issuer and key set URL', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'obos-dsr', UserPoolId: poolRef() });

    expect(pool.domainName).toBe('obos-dsr.auth.eu-north-1.amazoncognito.com');
    const resolved = (value: string) => JSON.stringify(stack.resolve(value));
    expect(resolved(pool.issuer)).toContain('https://cognito-idp.eu-north-1.');
    expect(resolved(pool.issuer)).toContain(JSON.stringify(poolRef()));
    expect(resolved(pool.jwksUrl)).toContain('/.well-known/jwks.json');
  });
});

describe('staff user pool removal policy', () => {
  it('can be destroyed with a test stack', () => {
    const stack = new Stack(appWithoutBundling(), 'Disposable', { env: { region: 'eu-north-1' } });
    new StaffUserPool(stack, 'StaffUsers', {
      callbackUrls: [CALLBACK],
      logoutUrls: [LOGOUT],
      domainPrefix: 'obos-dsr-test',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    Template.fromStack(stack).hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
  }, SYNTH_TIMEOUT_MS);
});

describe('staff sign-in in the stack', () => {
  let byApi: SynthesizedDsrStack;
  let byAddress: SynthesizedDsrStack;

  beforeAll(() => {
    byApi = synthDsrStack();
    byAddress = synthDsrStack({ publicBaseUrl: 'https://personvern.obos.no/', consoleDomainPrefix: 'obos-dsr-test' });
  }, SYNTH_TIMEOUT_MS);

  const environment = (synth: SynthesizedDsrStack, folder: 'staff-api' | (typeof CONSOLE_FOLDERS)[number]): Record<string, unknown> =>
    synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)]?.Properties.Environment.Variables;
  const resolved = (synth: SynthesizedDsrStack, value: string): unknown => synth.stack.resolve(value);

  it('creates one user pool, with the default domain prefix of the (dev) stage', () => {
    byApi.template.resourceCountIs('AWS::Cognito::UserPool', 1);
    byApi.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'obos-naerkontor-personvern-dev' });
  });

  it('lets staff-api and the console check tokens of this pool and its console client', () => {
    const pool = byApi.stack.staffUsers;
    for (const folder of ['staff-api', ...CONSOLE_FOLDERS] as const) {
      expect(environment(byApi, folder), folder).toMatchObject({
        STAFF_TOKEN_ISSUER: resolved(byApi, pool.issuer),
        STAFF_TOKEN_AUDIENCE: resolved(byApi, pool.client.userPoolClientId),
        STAFF_TOKEN_JWKS: resolved(byApi, pool.jwksUrl),
      });
    }
  });

  it('signs staff in through the pool’s hosted pages, back to the console on the API’s address', () => {
    const api = resolved(byApi, byApi.stack.api.api.apiEndpoint);
    for (const folder of CONSOLE_FOLDERS) {
      expect(environment(byApi, folder), folder).toMatchObject({
        CONSOLE_SIGN_IN: 'cognito',
        COGNITO_DOMAIN: 'obos-naerkontor-personvern-dev.auth.eu-north-1.amazoncognito.com',
        PUBLIC_BASE_URL: api,
      });
    }
    const client = byApi.template.findResources('AWS::Cognito::UserPoolClient');
    expect(Object.values(client).map((resource) => resource.Properties.CallbackURLs)).toEqual([
      [resolved(byApi, `${byApi.stack.api.api.apiEndpoint}/console/auth/callback`)],
    ]);
    expect((byApi.template.toJSON().Outputs as Record<string, { Value: unknown }>).ConsoleUrl?.Value).toEqual(
      resolved(byApi, `${byApi.stack.api.api.apiEndpoint}/console`),
    );
  });

  it('uses the public address and the domain prefix when they are set', () => {
    for (const folder of CONSOLE_FOLDERS) {
      expect(environment(byAddress, folder), folder).toMatchObject({
        PUBLIC_BASE_URL: 'https://personvern.obos.no',
        COGNITO_DOMAIN: 'obos-dsr-test.auth.eu-north-1.amazoncognito.com',
      });
    }
    byAddress.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'obos-dsr-test' });
    byAddress.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://personvern.obos.no/console/auth/callback'],
      LogoutURLs: ['https://personvern.obos.no/console/sign-in'],
    });
    const outputs = byAddress.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.ConsoleUrl?.Value).toBe('https://personvern.obos.no/console');
    expect(outputs.StaffUserPoolId?.Value).toEqual({ Ref: byAddress.stack.getLogicalId(byAddress.stack.staffUsers.userPool.node.defaultChild as never) });
  });
});
