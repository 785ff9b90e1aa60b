import { fastJwtOptions } from './fast-jwt';
import type { LibraryModel } from './library-model';

export const fastifyJwt: LibraryModel = {
  id: '@fastify/jwt',
  modules: ['@fastify/jwt', 'fastify-jwt'],
  verifies: [{ call: [{ plugin: true }], options: fastJwtOptions(1, 'verify.'), key: { options: ['secret', 'secret.public'] }, keySigns: true, strategy: true }],
  tokenCalls: [],
  claims: { path: 'request.user', impliedBy: ['@fastify/jwt', 'fastify-jwt'] },
  remedyModules: ['@fastify/jwt'],
};
