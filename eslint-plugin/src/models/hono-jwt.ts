import type { LibraryModel } from './library-model';

export const honoJwt: LibraryModel = {
  id: 'hono',
  modules: ['hono/jwt'],
  verifies: [
    {
      call: [{ export: ['jwt'] }],
      // hono pins HS256 unless `alg` says otherwise.
      options: { index: 0, singleAlgorithm: ['alg'], issuer: ['verification.iss'], audience: ['verification.aud'], switches: [{ path: 'verification.exp', check: 'expiry', value: false }] },
      key: { options: ['secret'] },
      middleware: true,
    },
    {
      // `verify(token, key, alg | { alg, iss, aud })`.
      call: [{ export: ['verify'] }, { export: ['Jwt', 'verify'] }],
      options: { index: 2, singleAlgorithm: ['alg'], issuer: ['iss'], audience: ['aud'], switches: [{ path: 'exp', check: 'expiry', value: false }], algorithmArgument: true },
      key: { argument: 1 },
    },
  ],
  keys: [{ call: [{ export: ['sign'] }, { export: ['Jwt', 'sign'] }], key: { argument: 1 }, role: 'sign', claims: { argument: 0 } }],
  // `decode()` returns `{ header, payload }`, neither verified.
  tokenCalls: [{ name: 'decode', result: { claims: 'unverified', members: ['payload', 'header'] } }],
  claims: { path: "c.get('jwtPayload')", framework: 'hono', impliedBy: ['hono/jwt'] },
  remedyModules: ['hono/jwt'],
};
