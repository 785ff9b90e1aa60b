import { error, ruleCases } from './rule-cases';

// Hand-written verification that lets the token's header decide how it is checked: require-jwt-validation.
describe('hand-written token verification', () => {
  ruleCases('require-jwt-validation', {
    valid: [
      // Rejects none, allow-lists the key URL, looks the kid up in a key map.
      `import jwt from 'jsonwebtoken';
export function claimsOf(token) {
  const { header } = jwt.decode(token, { complete: true });
  if (header.alg === 'none') throw new Error('unsigned tokens are rejected');
  if (!TRUSTED_KEY_URLS.includes(header.jku)) throw new Error('unknown key set');
  const key = keys[header.kid];
  return jwt.verify(token, key, { algorithms: ['RS256'], issuer, audience });
}`,
      // Rejects none; jwks-rsa looks the kid up in the issuer key set.
      `import jwt from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';
const client = jwksClient({ jwksUri: 'https://issuer.example.com/.well-known/jwks.json' });
export async function claimsOf(token) {
  const { header } = jwt.decode(token, { complete: true });
  if (header.alg.toLowerCase() === 'none') return null;
  const key = await client.getSigningKey(header.kid);
  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'], issuer, audience });
}`,
      // A switch whose 'none' case refuses the token.
      `export function claimsOf(token) {
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
  switch (header.alg) {
    case 'none':
    case 'None':
      throw new Error('unsigned tokens are rejected');
    default:
      return verifyRs256(token);
  }
}`,
    ],
    invalid: [
      {
        // An alg: none branch that returns the payload.
        code: `import jwt from 'jsonwebtoken';
export function claimsOf(token) {
  const { header, payload } = jwt.decode(token, { complete: true });
  if (header.alg === 'none') return payload;
  return jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
}`,
        errors: [error('acceptsNoneAlgorithm', 4, 7)],
      },
      {
        // The check lets 'none' fall through to the code that returns the payload.
        code: `export function claimsOf(token) {
  const [head, body] = token.split('.');
  const header = JSON.parse(Buffer.from(head, 'base64url').toString());
  if (header.alg.toLowerCase() !== 'none') {
    throw new Error('signed tokens go through verify()');
  }
  return JSON.parse(Buffer.from(body, 'base64url').toString());
}`,
        errors: [error('acceptsNoneAlgorithm', 4, 7)],
      },
      {
        // The allow-list is the algorithm the token names.
        code: `import jwt from 'jsonwebtoken';
export function claimsOf(token) {
  const { header } = jwt.decode(token, { complete: true });
  return jwt.verify(token, publicKey, { algorithms: [header.alg], issuer, audience });
}`,
        errors: [error('algorithmFromToken', 4, 54)],
      },
      {
        // A non-null assertion changes nothing: the algorithm is still the one the token names.
        code: `import { decodeProtectedHeader, jwtVerify } from 'jose';
export async function claimsOf(token: string) {
  const header = decodeProtectedHeader(token);
  return jwtVerify(token, key, { algorithms: [header.alg!], issuer, audience });
}`,
        filename: 'file.ts',
        errors: [error('algorithmFromToken', 4, 47)],
      },
      {
        code: `import { decodeProtectedHeader, jwtVerify } from 'jose';
export async function claimsOf(token: string) {
  const { alg } = decodeProtectedHeader(token);
  return jwtVerify(token, key, { algorithms: [alg as string], issuer, audience });
}`,
        filename: 'file.ts',
        errors: [error('algorithmFromToken', 4, 47)],
      },
      {
        // A switch on the algorithm whose 'none' case returns the payload.
        code: `export function claimsOf(token) {
  const [head, body] = token.split('.');
  const header = JSON.parse(Buffer.from(head, 'base64url').toString());
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
  switch (header.alg) {
    case 'none':
      return payload;
    case 'HS256':
      return verifyHmac(token, payload);
    default:
      throw new Error('unsupported algorithm');
  }
}`,
        errors: [error('acceptsNoneAlgorithm', 6, 5)],
      },
      {
        // jwt-simple's fourth argument is the algorithm, taken here from the header.
        code: `import jwt from 'jwt-simple';
export function claimsOf(token) {
  const { alg } = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
  return jwt.decode(token, key, false, alg);
}`,
        errors: [error('algorithmFromToken', 4, 40)],
      },
      {
        // The key set is fetched from the URL the token names.
        code: `import jwt from 'jsonwebtoken';
import axios from 'axios';
export async function claimsOf(token) {
  const { header } = jwt.decode(token, { complete: true });
  const { data } = await axios.get(header.jku);
  return jwt.verify(token, data.keys[0], { algorithms: ['RS256'], issuer, audience });
}`,
        errors: [error('keyFromToken', 5, 36)],
      },
      {
        // jose's EmbeddedJWK verifies with the key the token carries.
        code: `import { jwtVerify, EmbeddedJWK } from 'jose';
export async function claimsOf(token) {
  return (await jwtVerify(token, EmbeddedJWK, { algorithms: ['ES256'], issuer, audience })).payload;
}`,
        errors: [error('keyFromToken', 3, 34)],
      },
      {
        // The kid chooses a key file.
        code: `import fs from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
export function claimsOf(token) {
  const { header } = jwt.decode(token, { complete: true });
  const key = fs.readFileSync(path.join(__dirname, 'keys', header.kid));
  return jwt.verify(token, key, { algorithms: ['RS256'], issuer, audience });
}`,
        errors: [error('keyFromToken', 6, 60)],
      },
      {
        // A public key used as an HMAC secret.
        code: `import jwt from 'jsonwebtoken';
export const claimsOf = (token) => jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['HS256'], issuer, audience });`,
        errors: [error('publicKeyAsHmacSecret', 2, 54)],
      },
      {
        // The public key read from its file, by a name and a path that say so.
        code: `import fs from 'node:fs';
import jwt from 'jsonwebtoken';
const publicKey = fs.readFileSync('./keys/public.pem');
export const claimsOf = (token) => jwt.verify(token, publicKey, { algorithms: ['HS256'], issuer, audience });`,
        errors: [error('publicKeyAsHmacSecret', 4, 54)],
      },
      {
        code: `const fs = require('fs');
const jwt = require('jsonwebtoken');
module.exports = (token) => jwt.verify(token, fs.readFileSync(__dirname + '/jwtRS256.key.pub'), { algorithms: ['HS256'], issuer, audience });`,
        errors: [error('publicKeyAsHmacSecret', 3, 47)],
      },
    ],
  });
  // A private key file and an HMAC secret file are not public keys.
  ruleCases('require-jwt-validation', {
    valid: [
      `import fs from 'node:fs';
import jwt from 'jsonwebtoken';
const secret = fs.readFileSync('/run/secrets/jwt_hmac_secret');
export const claimsOf = (token) => jwt.verify(token, secret, { algorithms: ['HS256'], issuer, audience });`,
    ],
    invalid: [],
  });
});
