import type { LibraryModel } from './library-model';

/**
 * jws: `verify(signature, algorithm, key)` returns whether the signature is valid, and checks no claim (no expiry,
 * issuer or audience); `decode(signature)` returns `{ header, payload }` without checking anything.
 */
export const jws: LibraryModel = {
  id: 'jws',
  modules: ['jws'],
  verifies: [{ call: [{ export: ['verify'] }], options: { index: 1, algorithmArgument: true, minimumArguments: 3, unchecked: ['issuer', 'audience', 'expiry'] }, key: { argument: 2 } }],
  keys: [{ call: [{ export: ['sign'] }], key: { options: ['secret', 'privateKey'], optionsArgument: 0 }, role: 'sign' }],
  tokenCalls: [{ name: 'decode', result: { claims: 'unverified', members: ['payload', 'header'] }, traced: true }],
};
