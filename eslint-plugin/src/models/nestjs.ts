import type { FrameworkModel } from './framework-model';

/** NestJS: decorated controllers, guards, parameter decorators, module middleware and global guards. */
const nestjs: FrameworkModel = {
  kind: 'framework',
  id: 'nestjs',
  name: 'NestJS',
  packages: ['@nestjs/core', '@nestjs/common'],
  covers: '`@Controller` routes with `@Get`…`@All`, `@UseGuards`, `@Roles`/`@Scopes`/`@Auth` gates (a guard that lets routes without its metadata through, `if (!requiredRoles) return true`, decides only on the routes marked with it), `@Public()` opt-outs, `@Headers/@Param/@Query/@Body/@Cookies/@Req/@Res` parameters, decorators made with `createParamDecorator` (in any file) read from their callback, as the verified user or the header it returns, and `@User()`-style names where the callback cannot be followed, `switchToHttp().getRequest()`, `consumer.apply(…).exclude(…).forRoutes(…)`, `APP_GUARD` and `useGlobalGuards`, `setGlobalPrefix()` and its `exclude`',
  routeFramework: 'nest',
  verifierHint: "an AuthGuard('jwt') guard from @nestjs/passport",
  request: {
    hostTypes: ['*ExecutionContext'],
    hostRequestMembers: ['req', 'request'],
    hostRequestMethods: ['getRequest'],
    hostMethods: ['switchToHttp', 'getContext'],
  },
  decoratedControllers: {
    controllers: ['Controller'],
    routes: { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Options: 'OPTIONS', Head: 'HEAD', All: 'ALL' },
    guards: ['UseGuards'],
    gates: ['Auth', 'Roles', 'Scopes'],
    metadataDecorators: ['SetMetadata'],
    metadataReads: { receivers: ['reflector', 'Reflect'], methods: ['get', 'getAllAndOverride', 'getAllAndMerge', 'getMetadata'] },
    publicMarkers: ['Public', 'IsPublic', 'SkipAuth', 'AllowAnonymous', 'Anonymous', 'NoAuth'],
    parameterFactories: ['createParamDecorator'],
    parameters: {
      Headers: 'header',
      Param: 'path param',
      Query: 'query',
      Body: 'body',
      Cookies: 'cookie',
      SignedCookies: 'cookie',
      Args: 'argument',
      Req: 'request',
      Request: 'request',
      Res: 'response',
      Response: 'response',
      Context: 'host',
      // Custom decorators (createParamDecorator) that hand the handler the user a guard verified.
      User: 'verified',
      CurrentUser: 'verified',
      AuthUser: 'verified',
      ReqUser: 'verified',
      GetUser: 'verified',
      Claims: 'verified',
      JwtPayload: 'verified',
    },
    modules: {
      applyMethod: 'apply',
      excludeMethod: 'exclude',
      forRoutesMethod: 'forRoutes',
      globalGuardMethods: ['useGlobalGuards'],
      globalPrefixMethod: 'setGlobalPrefix',
      globalGuardToken: 'APP_GUARD',
      guardProviderKeys: ['useClass', 'useExisting'],
    },
  },
};

export default nestjs;
