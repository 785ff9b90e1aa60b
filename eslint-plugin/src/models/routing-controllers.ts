import type { FrameworkModel } from './framework-model';

/**
 * routing-controllers: `@JsonController`/`@Controller` classes on Express or Koa, `@Authorized()` run by the
 * `authorizationChecker` the server is created with, `@CurrentUser()` from its `currentUserChecker`.
 */
const routingControllers: FrameworkModel = {
  kind: 'framework',
  id: 'routing-controllers',
  name: 'routing-controllers',
  packages: ['routing-controllers'],
  covers: '`@JsonController`/`@Controller` routes with `@Get`…`@All`, `@Authorized()` graded by the code of the `authorizationChecker` the server is made with (`useExpressServer(app, { authorizationChecker })`, in any file), or as a token verified elsewhere when none is found, `@UseBefore` middleware, `@HeaderParam/@Param/@QueryParam/@CookieParam/@BodyParam/@Body` and their plural forms as caller input, `@CurrentUser()` as verified, and `@CurrentUser({ required: true })` as authentication by the `currentUserChecker` the server is made with (graded by its code, as `@Authorized()` is)',
  routeFramework: 'routing-controllers',
  verifierHint: "@Authorized() with an authorizationChecker that verifies the JWT",
  decoratedControllers: {
    controllers: ['JsonController', 'Controller'],
    routes: { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', All: 'ALL' },
    authenticators: ['Authorized'],
    authenticatorCode: {
      serverCalls: ['createExpressServer', 'useExpressServer', 'createKoaServer', 'useKoaServer'],
      option: 'authorizationChecker',
      // routing-controllers answers 401 when a required current user is not found.
      parameters: [{ decorator: 'CurrentUser', requiredOption: 'required', option: 'currentUserChecker' }],
    },
    middleware: ['UseBefore'],
    parameters: {
      HeaderParam: 'header',
      HeaderParams: 'header',
      Param: 'path param',
      Params: 'path param',
      QueryParam: 'query',
      QueryParams: 'query',
      CookieParam: 'cookie',
      CookieParams: 'cookie',
      BodyParam: 'body',
      Body: 'body',
      Req: 'request',
      Res: 'response',
      Ctx: 'request',
      CurrentUser: 'verified',
    },
  },
};

export default routingControllers;
