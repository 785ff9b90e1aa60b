import type { FrameworkModel } from './framework-model';

/**
 * inversify-express-utils: `@controller(path, ...middleware)` classes whose `@httpGet(path, ...middleware)`-style
 * methods are Express routes; the middleware after the path runs before the method, the controller's first.
 */
const inversifyExpressUtils: FrameworkModel = {
  kind: 'framework',
  id: 'inversify-express-utils',
  name: 'inversify-express-utils',
  packages: ['inversify-express-utils'],
  covers: '`@controller` routes with `@httpGet`…`@all`, middleware after the path of `@controller` and of each route decorator (`@httpPost(\'/\', auth.required)`), `@requestParam/@queryParam/@requestBody/@requestHeaders/@cookies` as caller input, `@request()`/`@response()`',
  routeFramework: 'inversify',
  verifierHint: 'express-jwt or a jsonwebtoken verify() middleware after the route path',
  decoratedControllers: {
    controllers: ['controller'],
    routes: { httpGet: 'GET', httpPost: 'POST', httpPut: 'PUT', httpPatch: 'PATCH', httpDelete: 'DELETE', httpHead: 'HEAD', httpOptions: 'OPTIONS', all: 'ALL' },
    middlewareArguments: true,
    parameters: {
      requestParam: 'path param',
      queryParam: 'query',
      requestBody: 'body',
      requestHeaders: 'header',
      cookies: 'cookie',
      request: 'request',
      response: 'response',
    },
  },
};

export default inversifyExpressUtils;
