import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The caller is not signed in as staff. */
export class StaffUnauthenticatedError extends Error {
  override readonly name = 'StaffUnauthenticatedError';
  constructor() {
    super('staff authentication required');
  }
}

type WithAuthorizer = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { iam?: { userArn?: string }; jwt?: { claims?: Record<string, unknown> } };
  };
};

/**
 * Who the staff member is, as the audit trail records them (`staff:<name>`). In AWS the staff
 * routes require IAM (SigV4) or, later, the console's Cognito tokens, and API Gateway puts the
 * verified identity in the request context. Local mode, which has no signing, may accept an
 * `x-dsr-staff` header — only when the local runtime enables it.
 */
export function staffActor(event: APIGatewayProxyEventV2, allowLocalHeader: boolean): string {
  const context = (event as WithAuthorizer).requestContext.authorizer;
  const claims = context?.jwt?.claims;
  const fromJwt = typeof claims?.['cognito:username'] === 'string' ? claims['cognito:username'] : undefined;
  const fromIam = context?.iam?.userArn?.split('/').pop();
  const fromHeader = allowLocalHeader ? event.headers['x-dsr-staff']?.trim() : undefined;
  const name = fromJwt ?? fromIam ?? fromHeader;
  if (!name || !/^[\w.@+-]{1,100}$/.test(name)) throw new StaffUnauthenticatedError();
  return `staff:${name}`;
}
