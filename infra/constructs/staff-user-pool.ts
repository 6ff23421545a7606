import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { STAFF_GROUPS, type StaffGroup } from '../../functions/domain/staff-auth/staff-identity.js';

/** Staff-facing descriptions of the console's groups, shown in the Cognito console. */
const GROUP_DESCRIPTIONS: Readonly<Record<StaffGroup, string>> = {
  staff: 'Saksbehandlere: ser og behandler innsynsforespørsler og andre personvernhenvendelser',
  'privacy-officer': 'Personvernombud: alt saksbehandlere kan, og beslutninger som krever personvernombudet',
};

/** Properties of a {@link StaffUserPool}. */
export interface StaffUserPoolProps {
  /** The console's sign-in callback URLs (the page that trades the code for a token). */
  readonly callbackUrls: readonly string[];
  /** Where Cognito may send the browser after signing out. */
  readonly logoutUrls: readonly string[];
  /** The prefix of the Cognito domain, `<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
  readonly domainPrefix: string;
  /**
   * What happens to the pool when the stack is deleted. The pool holds who may see requesters'
   * personal data; it is kept (and deletion-protected) unless a test stack says otherwise.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Who may use the staff console: a Cognito user pool with the groups `staff` and
 * `privacy-officer`, users created by an administrator only, and a one-time-password app required
 * as a second factor for everyone (staff see requesters' personal data; GDPR Art. 32).
 *
 * The console signs in through Cognito's hosted pages with the authorization-code flow and PKCE,
 * using an app client without a secret, and checks the ID token itself (`createStaffTokenVerifier`
 * with {@link StaffUserPool.issuer} and {@link StaffUserPool.client}'s id).
 */
export class StaffUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  /** The console's app client; its id is the `aud` of the console's ID tokens. */
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** The `iss` of the pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** Where the pool publishes the keys that sign its tokens. */
  readonly jwksUrl: string;
  /** The host name of the hosted sign-in pages, `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'Tilgang til personvernkonsollet i OBOS Nærkontor',
        emailBody:
          'Du har fått tilgang til konsollet for personvernhenvendelser. Brukernavn: {username}. ' +
          'Midlertidig passord: {####}. Du må velge nytt passord og sette opp en autentiseringsapp ved første innlogging.',
      },
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'A handful of staff users, created by an administrator, no self sign-up, MFA with an authenticator app required: the Plus tier (adaptive authentication, compromised-credential checks) adds cost without covering a risk MFA leaves open',
    });

    for (const group of STAFF_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: GROUP_DESCRIPTIONS[group],
      });
    }

    this.client = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      // No direct password flows: signing in goes through the hosted pages, which enforce MFA.
      authFlows: { user: false, userPassword: false, userSrp: false, custom: false, adminUserPassword: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        logoutUrls: [...props.logoutUrls],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    // Not `userPoolProviderUrl`: CloudFormation's ProviderURL has no scheme, and `iss` must match exactly.
    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
    this.domainName = `${props.domainPrefix}.auth.${stack.region}.amazoncognito.com`;
  }
}
