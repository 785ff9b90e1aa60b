import type { FrameworkModel } from './framework-model';

/**
 * Vocabulary many frameworks share: the names handlers give their request and response objects, the receivers
 * that are HTTP clients rather than routers, and names that read like routers when nothing else says what they are.
 */
const conventions: FrameworkModel = {
  kind: 'framework',
  id: 'conventions',
  name: 'Shared conventions',
  packages: [],
  covers: 'request and response parameter names, HTTP clients, router-like names',
  listed: false,
  request: {
    requestTypes: ['*Request', 'Req'],
    responseTypes: ['*Response', '*Reply'],
    frameworkMembers: ['context'],
  },
  routing: {
    clientReceivers: ['axios', 'got', 'ky', 'superagent', 'fetch', 'request', 'client', 'http', 'https', '$http', 'agent', 'supertest', 'httpClient', 'api+Client'],
    nonRouterReceivers: ['req', 'request', 'res', 'response', 'reply', 'ctx', 'c', 'context', 'headers', 'params', 'query', 'map', 'cache', 'store'],
    routerNames: ['router', 'api', 'routes', 'v#', '+Router', '+App'],
    appNames: ['app', 'server'],
    callbackMethods: ['on', 'before', 'handler', 'middleware', 'handle'],
    entryFiles: ['index', 'server', 'main', 'worker', 'entry', '_worker'],
    mountNames: ['route', 'api', 'app', 'controller', 'module'],
  },
};

export default conventions;
