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
  covers: '`@Route` controllers with `@Get`…`@Options`, `@Security(\'jwt\')` graded by the code of the project\'s exported `expressAuthentication` (or `koaAuthentication`, `hapiAuthentication`), or as a token strategy configured elsewhere when none is found; `@NoSecurity()` as public; `@Path/@Query/@Header/@Body/@BodyProp/@FormField` as caller input (named by the parameter when the decorator names nothing), `@Request()`; the `routes.ts` tsoa generates from them is not graded again',
  routeFramework: 'tsoa',
  verifierHint: "@Security('jwt') with an expressAuthentication that verifies the token",
  decoratedControllers: {
    controllers: ['Route'],
    routes: { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS' },
    strategies: ['Security'],
    authenticatorCode: { exports: ['expressAuthentication', 'koaAuthentication', 'hapiAuthentication'] },
    generatedRoutesMarker: 'auto-generated with tsoa',
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
