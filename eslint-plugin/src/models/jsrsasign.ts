import type { LibraryModel } from './library-model';

const JWS = ['KJUR', 'jws', 'JWS'];

/**
 * jsrsasign: `KJUR.jws.JWS.verifyJWT(token, key, { alg, iss, aud })` checks what its options name;
 * `KJUR.jws.JWS.verify(token, key, algorithms)` checks only the signature, with any algorithm when none are listed.
 */
export const jsrsasign: LibraryModel = {
  id: 'jsrsasign',
  modules: ['jsrsasign'],
  verifies: [
    { call: [{ export: [...JWS, 'verifyJWT'] }], options: { index: 2, algorithms: ['alg'], issuer: ['iss'], audience: ['aud'] }, key: { argument: 1 } },
    { call: [{ export: [...JWS, 'verify'] }], options: { index: 2, algorithmArgument: true, minimumArguments: 3 }, key: { argument: 1 } },
  ],
  keys: [{ call: [{ export: [...JWS, 'sign'] }], key: { argument: 3 }, role: 'sign' }],
  tokenCalls: [
    { name: 'parse', result: { claims: 'unverified', members: ['payloadObj', 'headerObj'] }, traced: true },
    { name: 'readSafeJSONString', result: { claims: 'unverified' }, traced: true },
  ],
};
