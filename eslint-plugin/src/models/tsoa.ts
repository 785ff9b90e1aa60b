import type { FrameworkModel } from './framework-model';

/**
 * tsoa: `@Route` controllers whose `@Security('jwt')` runs the `expressAuthentication` function the project
 * configures, and parameters named by the parameter itself (`@Path() id`).
 */
const tsoa: FrameworkModel = {
  kind: 'framework',
  id: 'tsoa',
  name: 'tsoa',
  packages: ['tsoa', '@tsoa/runtime'],
  covers: '`@Route` controllers with `@Get`…`@Options`, `@Security(\'jwt\')` (a token strategy configured in `expressAuthentication`: Level 2 at most) and `@NoSecurity()`, `@Path/@Query/@Header/@Body/@BodyProp/@FormField` as caller input (named by the parameter when the decorator names nothing), `@Request()`',
  routeFramework: 'tsoa',
  verifierHint: "@Security('jwt') with an expressAuthentication that verifies the token",
  decoratedControllers: {
    controllers: ['Route'],
    routes: { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS' },
    strategies: ['Security'],
    publicMarkers: ['NoSecurity'],
    middleware: ['Middlewares'],
    parameters: {
      Path: 'path param',
      Query: 'query',
      Header: 'header',
      Body: 'body',
      BodyProp: 'body',
      FormField: 'body',
      Request: 'request',
    },
    namedByParameter: ['Path', 'Header', 'BodyProp', 'FormField'],
  },
};

export default tsoa;
