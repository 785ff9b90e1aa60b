import type { LibraryModel } from './library-model';

export const fastifyBasicAuth: LibraryModel = {
  id: '@fastify/basic-auth',
  modules: ['@fastify/basic-auth', 'fastify-basic-auth'],
  schemes: [{ kind: 'basic', call: [{ plugin: true }] }],
};
