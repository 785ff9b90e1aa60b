import type { LibraryModel, VerifyOptions } from './library-model';

/** How jsonwebtoken spells the checks of `verify(token, key, options)`; libraries built on it reuse the names. */
export function jsonwebtokenOptions(index: number, prefix = ''): VerifyOptions {
  const at = (path: string) => prefix + path;
  return {
    index,
    algorithms: [at('algorithms')],
    issuer: [at('issuer')],
    audience: [at('audience')],
    switches: [{ path: at('ignoreExpiration'), check: 'expiry', value: true }],
    clockTolerance: { paths: [at('clockTolerance')], unit: 'seconds' },
  };
}

export const jsonwebtoken: LibraryModel = {
  id: 'jsonwebtoken',
  modules: ['jsonwebtoken'],
  verifies: [{ call: [{ export: ['verify'] }], options: jsonwebtokenOptions(2), key: { argument: 1 } }],
  keys: [
    {
      call: [{ export: ['sign'] }],
      key: { argument: 1 },
      role: 'sign',
      options: { index: 2, algorithm: 'algorithm', issuer: 'issuer', audience: 'audience', expiry: 'expiresIn' },
      claims: { argument: 0 },
    },
  ],
  tokenCalls: [
    { name: 'decode', result: { claims: 'unverified' } },
    { name: 'verify', result: { claims: 'verified' }, byName: true },
    { name: 'verifyAsync', result: { claims: 'verified' }, byName: true },
    { name: 'verifySync', result: { claims: 'verified' }, byName: true },
  ],
  remedyModules: ['jsonwebtoken'],
};
