import type { LibraryModel } from './library-model';

/**
 * @hapi/jwt: `server.register(Jwt)` adds the `jwt` scheme, and `server.auth.strategy(name, 'jwt', options)`
 * configures it. `verify.aud`/`verify.iss` are the audience and issuer (`false` turns one off), `verify: false` switches
 * every claim check off, and `verify.exp: false` the expiry (https://hapi.dev/module/jwt/api/). The algorithms are
 * pinned by the library itself: public-key families for public keys and key sets, HMAC for shared secrets, never
 * `none`, unless `keys.algorithms` narrows them further.
 */
export const hapiJwt: LibraryModel = {
  id: '@hapi/jwt',
  modules: ['@hapi/jwt'],
  verifies: [
    {
      call: [{ service: ['strategy'], receiverWord: 'auth', unimported: { strings: [{ index: 1, value: 'jwt' }], option: { argument: 2, key: 'keys' } } }],
      options: {
        index: 2,
        issuer: ['verify.iss'],
        audience: ['verify.aud'],
        switches: [
          { path: 'verify', check: 'issuer', value: false },
          { path: 'verify', check: 'audience', value: false },
          { path: 'verify', check: 'expiry', value: false },
          { path: 'verify.exp', check: 'expiry', value: false },
        ],
        clockTolerance: { paths: ['verify.timeSkewSec'], unit: 'seconds' },
      },
      key: { options: ['keys'], optionsArgument: 2 },
      strategy: true,
    },
  ],
  remedyModules: ['@hapi/jwt'],
};
