import * as assert from 'node:assert/strict';
import { tempProjectFindingLines, tempProjectLevels } from './temp-project';

/**
 * `req.user` holds verified claims by convention (passport, express-jwt's `requestProperty`), but it holds what
 * the chain's middleware put there: a middleware in `middleware/` that decodes the token without verifying it
 * makes the route's decisions on `req.user` decisions on unverified claims. CommonJS JavaScript (espree) and
 * TypeScript (typescript-eslint).
 */
describe('request properties that middleware in another file fills with decoded claims', function () {
  this.timeout(60_000);

  const APP = `const express = require('express');
const loadUser = require('./middleware/user');
const app = express();
app.use(loadUser);
app.get('/admin', (req, res) => {
  if (!req.user || req.user.role !== 'admin') return res.sendStatus(403);
  res.json({});
});
module.exports = app;
`;
  const middleware = (claims: string) => `const jwt = require('jsonwebtoken');
module.exports = function loadUser(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  req.user = ${claims};
  next();
};
`;

  const unverifiedFindings = (files: Record<string, string>) => tempProjectFindingLines(files, 'decoded-user', 'claimguard/no-unverified-claims');

  it('reports a decision on req.user that the middleware decoded, and leaves the route unauthenticated', async () => {
    const files = { 'app.js': APP, 'middleware/user.js': middleware('jwt.decode(token)') };
    assert.deepEqual(await unverifiedFindings(files), ['app.js:6']);
    assert.deepEqual(tempProjectLevels(files, 'decoded-user'), { 'GET /admin': 'unauthenticated' });
  });

  it('takes req.user as verified when the middleware verified it', async () => {
    const verified = "jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' })";
    const files = { 'app.js': APP, 'middleware/user.js': middleware(verified) };
    assert.deepEqual(await unverifiedFindings(files), []);
    assert.deepEqual(tempProjectLevels(files, 'decoded-user'), { 'GET /admin': 3 });
  });

  it('reads a TypeScript middleware that casts the request the same way', async () => {
    const files = {
      'src/app.ts': `import express from 'express';
import { loadUser } from './middleware/user.js';
export const app = express();
app.use(loadUser);
app.get('/admin', (req, res) => {
  if ((req as any).user?.role !== 'admin') return res.sendStatus(403);
  res.json({});
});
`,
      'src/middleware/user.ts': `import type { NextFunction, Request, Response } from 'express';
import { jwtDecode } from 'jwt-decode';
export function loadUser(req: Request, _res: Response, next: NextFunction) {
  (req as any).user = jwtDecode(String(req.headers.authorization).slice(7));
  next();
}
`,
    };
    assert.deepEqual(await unverifiedFindings(files), ['src/app.ts:6']);
  });
});
