import { CfnOutput, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { ORIGIN_VERIFY_HEADER } from '../../functions/web/origin-verify.js';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import type { Construct } from 'constructs';
import { EdgeWebAcl } from '../constructs/edge-web-acl.js';
import { originVerifySecretName, resourcePrefix, type Stage } from '../settings.js';

/** The domains the edge serves and where its records go. */
export interface EdgeDomains {
  /** The public pages, e.g. `personvern.obos.no`. */
  readonly publicDomain: string;
  /** The staff console, e.g. `console.personvern.obos.no`. */
  readonly consoleDomain: string;
  /** The API's own custom domain in the deploy region, CloudFront's origin. */
  readonly originDomain: string;
  readonly hostedZoneId: string;
  readonly hostedZoneName: string;
}

/** Properties of {@link DsrEdgeStack}. */
export interface DsrEdgeStackProps extends StackProps {
  readonly stage: Stage;
  readonly domains: EdgeDomains;
}

/**
 * The public edge, in us-east-1: the AWS WAF web ACL, the CloudFront distribution that applies it
 * and serves both the public pages and the staff console on their own names, their certificate,
 * and their DNS records.
 *
 * Why CloudFront with a CLOUDFRONT-scope web ACL rather than a REST API with a regional one: the
 * functions, the local gateway and the route table all speak the HTTP API's payload format 2.0.
 * A REST API would only deliver format 1.0 and would make every handler and the local mode
 * change shape for the sake of the edge; an HTTP API cannot take a web ACL itself. CloudFront
 * can, and it also terminates TLS for the custom domains near the user. A web ACL and a
 * certificate for CloudFront must live in us-east-1, hence this separate stack. It shares nothing
 * with the regional stack but names from the settings (no cross-region references), so the two
 * deploy independently; the edge is deployed after the regional stack (the origin must exist).
 */
export class DsrEdgeStack extends Stack {
  readonly webAcl: EdgeWebAcl;
  readonly distribution: cloudfront.Distribution;
  readonly certificate: acm.Certificate;

  constructor(scope: Construct, id: string, props: DsrEdgeStackProps) {
    super(scope, id, props);
    const { domains } = props;
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: domains.hostedZoneId,
      zoneName: domains.hostedZoneName,
    });
    this.certificate = new acm.Certificate(this, 'Certificate', {
      domainName: domains.publicDomain,
      subjectAlternativeNames: [domains.consoleDomain],
      validation: acm.CertificateValidation.fromDns(zone),
    });
    this.webAcl = new EdgeWebAcl(this, 'Firewall', { name: `${resourcePrefix(props.stage)}-edge`, scope: 'CLOUDFRONT' });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `OBOS Nærkontor rights requests (${props.stage}): public pages and staff console`,
      domainNames: [domains.publicDomain, domains.consoleDomain],
      certificate: this.certificate,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      webAclId: this.webAcl.arn,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: new origins.HttpOrigin(domains.originDomain, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          // Proves to the API that the request passed this distribution and its WAF: the functions
          // refuse requests to origin.<domain> without it. A dynamic reference to the regional
          // stack's secret (its us-east-1 replica), so the value is in no template.
          customHeaders: { [ORIGIN_VERIFY_HEADER]: SecretValue.secretsManager(originVerifySecretName(props.stage)).unsafeUnwrap() },
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // Every page is personal or per-session: nothing is cached at the edge.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // Cookies (console session), query strings and headers reach the API; the Host header is
        // the origin's own, which API Gateway needs to find its custom domain.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Requesters may live or travel abroad: a GDPR right cannot depend on where the person is; abuse is limited by WAF rules instead',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason: 'CloudFront access logs hold every client IP and path (personal data) and add nothing the WAF metrics, sampled requests and the API access log (without IPs) do not show',
      },
    );

    const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
    for (const [name, domain] of [
      ['Public', domains.publicDomain],
      ['Console', domains.consoleDomain],
    ] as const) {
      new route53.ARecord(this, `${name}Ipv4`, { zone, recordName: domain, target });
      new route53.AaaaRecord(this, `${name}Ipv6`, { zone, recordName: domain, target });
    }

    new CfnOutput(this, 'PublicUrl', { value: `https://${domains.publicDomain}`, description: 'The request form' });
    new CfnOutput(this, 'ConsoleUrl', { value: `https://${domains.consoleDomain}/console`, description: 'Staff console' });
    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.arn });
  }
}
