import type { FrameworkModel } from './framework-model';

/** Node's own `http`/`https` servers: `createServer((req, res) => …)`. */
const nodeHttp: FrameworkModel = {
  kind: 'framework',
  id: 'node-http',
  name: 'Node.js http',
  packages: ['http', 'https', 'node:http', 'node:https'],
  covers: '`createServer(handler)` and `new Server(handler)` as one route, `req.headers`, `req.url` through `new URL()`',
  routeFramework: 'http',
  verifierHint: "jose's jwtVerify() in the handler",
  request: {
    parameterNames: ['httpRequest', 'incomingRequest', 'incomingMessage'],
    requestTypes: ['IncomingMessage'],
    responseTypes: ['ServerResponse'],
    members: { headers: { source: 'header' }, url: { url: 'string' } },
    frameworkMembers: ['httpVersion', 'complete', 'aborted', 'rawHeaders', 'trailers', 'rawTrailers', 'statusCode', 'statusMessage', 'socket', 'connection', 'method'],
  },
  routing: {
    serverFactories: ['createServer', 'Server'],
  },
};

export default nodeHttp;
