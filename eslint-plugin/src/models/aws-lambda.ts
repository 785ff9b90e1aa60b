import type { FrameworkModel, RequestMember } from './framework-model';

/** Claims an API Gateway authorizer verified before the handler ran. */
const AUTHORIZER: RequestMember = { verified: true, by: 'the API Gateway authorizer' };

/**
 * AWS Lambda behind API Gateway (REST and HTTP APIs) and Express apps served through serverless-http: a `handler`
 * export is a route whose path lives in deployment configuration; the event's headers, path and query parameters
 * and body are caller input; the authorizer's claims were verified by the gateway, outside the code.
 */
const awsLambda: FrameworkModel = {
  kind: 'framework',
  id: 'aws-lambda',
  name: 'AWS Lambda / API Gateway',
  packages: ['aws-lambda', '@types/aws-lambda', 'serverless-http'],
  covers: '`handler` exports as routes (`ANY` of `file.handler`), `event.headers/pathParameters/queryStringParameters/body/cookies`, `event.requestContext.authorizer.claims` and `.jwt.claims` as verified by the gateway (Level 2 at most: the pinning is deployment configuration), handlers that read no identity as unknown; `serverless(app)` serves an Express app, whose `req.requestContext` and `req.apiGateway.event` read the same way',
  routeFramework: 'lambda',
  verifierHint: 'an API Gateway JWT or Cognito authorizer whose claims the handler reads',
  request: {
    members: {
      pathParameters: { source: 'path param' },
      queryStringParameters: { source: 'query' },
      multiValueQueryStringParameters: { source: 'query' },
      multiValueHeaders: { source: 'header' },
      requestContext: {
        members: {
          authorizer: {
            members: {
              claims: AUTHORIZER,
              jwt: { members: { claims: AUTHORIZER } },
              lambda: AUTHORIZER,
            },
          },
        },
      },
      // serverless-http and @vendia/serverless-express put the gateway's event on the Express request.
      apiGateway: { members: { event: { request: true } } },
    },
    frameworkMembers: ['resource', 'httpMethod', 'isBase64Encoded', 'stageVariables', 'rawPath', 'rawQueryString', 'routeKey', 'version'],
  },
  routing: {
    serveFunctions: ['serverless'],
  },
  fileRoutes: {
    handlerExports: ['handler'],
    eventNames: ['event', '_event', 'evt'],
    eventTypes: ['APIGateway*Event', 'APIGatewayProxyEvent*', 'ALBEvent', 'LambdaFunctionURLEvent'],
    outsideCode:
      'authentication is deployment configuration (an API Gateway authorizer), and the handler reads no identity it verified',
  },
};

export default awsLambda;
