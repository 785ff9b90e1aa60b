import { jsonwebtokenOptions } from './jsonwebtoken';
import type { LibraryModel } from './library-model';

/**
 * hapi-auth-jwt2: registering the plugin adds the `jwt` scheme, and `server.auth.strategy(name, 'jwt', options)`
 * configures it. The token is checked by jsonwebtoken's `verify` with `options.verifyOptions`, so the checks are
 * spelled as jsonwebtoken spells them, one level down (https://github.com/dwyl/hapi-auth-jwt2#documentation).
 */
export const hapiAuthJwt2: LibraryModel = {
  id: 'hapi-auth-jwt2',
  modules: ['hapi-auth-jwt2'],
  verifies: [
    {
      call: [{ service: ['strategy'], receiverWord: 'auth', unimported: { strings: [{ index: 1, value: 'jwt' }], option: { argument: 2, key: 'key' } } }],
      options: jsonwebtokenOptions(2, 'verifyOptions.'),
      key: { options: ['key'], optionsArgument: 2 },
      strategy: true,
    },
  ],
  remedyModules: ['hapi-auth-jwt2'],
};
