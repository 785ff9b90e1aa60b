import type { FrameworkModel } from './framework-model';

/**
 * Fastify: routes with hook options, `addHook` at plugin level, plugins registered with a prefix, decorators
 * (`fastify.decorate('authenticate', …)`, shared with the whole app through fastify-plugin), `request.jwtVerify()`.
 */
const fastify: FrameworkModel = {
  kind: 'framework',
  id: 'fastify',
  name: 'Fastify',
  packages: ['fastify', 'fastify-plugin'],
  covers: 'shorthand and `route({ method, url, handler })` routes, `onRequest`/`preParsing`/`preValidation`/`preHandler` hooks per route and with `addHook` per plugin, `register(plugin, { prefix })`, `@fastify/autoload` folders (subfolder prefixes, `autohooks` files with `autoHooks`/`cascadeHooks`), `decorate`/`decorateRequest` (also from another file through fastify-plugin), a plugin\'s instance whatever its name (`app`, `server`: known by its type, its `addHook` or its routes\' hook options), `request.headers/params/query/body/cookies`',
  routeFramework: 'fastify',
  verifierHint: '@fastify/jwt with request.jwtVerify() in an onRequest hook',
  request: {
    parameterNames: ['request', '_request'],
    responseNames: ['reply'],
    members: {},
    methods: {
      // @fastify/jwt decorates the request with these.
      jwtDecode: { claims: 'unverified' },
      jwtVerify: { claims: 'verified' },
    },
    frameworkMembers: ['id', 'log', 'raw', 'server', 'routeOptions', 'routerPath', 'routeConfig', 'socket', 'hostname', 'protocol'],
    pathMembers: { url: 'full', originalUrl: 'full', routerPath: 'full' },
  },
  routing: {
    factories: [
      { name: 'fastify', mountable: false },
      { name: 'Fastify', mountable: false },
      { name: 'FASTIFY', mountable: false },
    ],
    routeMethods: { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD', all: 'ALL' },
    hooks: { method: 'addHook', names: ['onRequest', 'preParsing', 'preValidation', 'preHandler'] },
    pluginMethod: 'register',
    autoload: { packages: ['@fastify/autoload'], dirOption: 'dir', hooksOption: 'autoHooks', cascadeOption: 'cascadeHooks', hooksFile: 'autohooks' },
    decorateMethods: ['decorate', 'decorateRequest'],
    requestDecorateMethods: ['decorateRequest'],
    routeObjects: [
      {
        call: 'route',
        methodKey: 'method',
        pathKeys: ['url', 'path'],
        handlerKeys: ['handler'],
        hookKeys: ['onRequest', 'preParsing', 'preValidation', 'preHandler'],
        anyMethod: 'ALL',
        exportedTables: true,
      },
    ],
    guessNames: ['fastify', 'instance'],
  },
};

export default fastify;
