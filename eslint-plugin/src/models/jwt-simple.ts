import type { LibraryModel } from './library-model';

export const jwtSimple: LibraryModel = {
  id: 'jwt-simple',
  modules: ['jwt-simple'],
  keys: [
    { call: [{ export: ['encode'] }], key: { argument: 1 }, role: 'sign', claims: { argument: 0 } },
    { call: [{ export: ['decode'] }], key: { argument: 1 }, role: 'verify' },
  ],
  // `decode(token, key, noVerify)` verifies the signature unless `noVerify` is true; it checks no algorithm list.
  tokenCalls: [{ name: 'decode', result: { claims: 'verified-with-key', keyArgument: 1, skipArgument: 2 }, byName: true }],
};
