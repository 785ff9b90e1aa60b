import * as assert from 'node:assert/strict';
import { gradeTempProject, tempProjectLevels } from '../project/temp-project';

/** express-unless: `mw.unless({ path, method })` lets the listed paths and methods through the middleware it wraps. */
const gradesOf = (files: Record<string, string>) => gradeTempProject(files, 'express-unless');
const levelsOf = (files: Record<string, string>) => tempProjectLevels(files, 'express-unless');

const EXPRESS_ROUTES = `
app.post('/login', (req, res) => res.json({}));
app.get('/public/docs', (req, res) => res.json({}));
app.get('/products', (req, res) => res.json([]));
app.post('/products', (req, res) => res.json({}));
app.get('/me', (req, res) => res.json(req.auth));
`;

describe('express-unless', () => {
  it('reads the wrapper a factory in another file returns, with paths built on an environment variable', () => {
    const levels = levelsOf({
      'app.js': `const express = require('express');
const authJwt = require('./helpers/jwt');
const usersRouter = require('./routes/users');
const api = process.env.API_URL;
const app = express();
app.use(authJwt());
app.use(\`\${api}/users\`, usersRouter);
`,
      'helpers/jwt.js': `const { expressjwt } = require('express-jwt');
function authJwt() {
  const api = process.env.API_URL;
  return expressjwt({ secret: process.env.SECRET, algorithms: ['HS256'] }).unless({
    path: [{ url: /\\/uploads(.*)/, methods: ['GET', 'OPTIONS'] }, \`\${api}/users/login\`],
  });
}
module.exports = authJwt;
`,
      'routes/users.js': `const router = require('express').Router();
router.post('/login', (req, res) => res.json({}));
router.get('/:id', (req, res) => res.json(req.auth));
module.exports = router;
`,
    });
    // The mount and the list name the same variable, whatever its value is.
    assert.deepEqual(levels, { 'POST /${API_URL}/users/login': 'unauthenticated', 'GET /${API_URL}/users/:id': 1 });
  });

  for (const ext of ['js', 'ts']) {
    describe(`.${ext}`, () => {
      const app = (unless: string) => `import express from 'express';
import { expressjwt } from 'express-jwt';
const app = express();
app.use(expressjwt({ secret: process.env.KEY, algorithms: ['RS256'] })${unless});
${EXPRESS_ROUTES}`;

      it('drops the verification on listed strings, plain regular expressions and `{ url, methods }` entries', () => {
        const grades = gradesOf({ [`src/app.${ext}`]: app(".unless({ path: ['/login', /^\\/public\\/.*/, { url: '/products', methods: ['GET'] }] })") });
        assert.equal(grades['POST /login']!.level, 'unauthenticated');
        assert.equal(grades['GET /public/docs']!.level, 'unauthenticated');
        assert.equal(grades['GET /products']!.level, 'unauthenticated');
        assert.match(grades['POST /login']!.reason, /expressjwt\(\) at line 4 lets this path through/);
        // The same path with another method, and every unlisted path, stay verified.
        assert.equal(grades['POST /products']!.level, 1);
        assert.equal(grades['GET /me']!.level, 1);
      });

      it('reads a RegExp made from a plain path, as the library matches it', () => {
        const levels = levelsOf({ [`src/app.${ext}`]: app(".unless({ path: [new RegExp('/public/docs.*'), RegExp('^/login$')] })") });
        assert.equal(levels['GET /public/docs'], 'unauthenticated');
        assert.equal(levels['POST /login'], 'unauthenticated');
        assert.equal(levels['GET /me'], 1);
        // `*` after a plain character repeats it: not a path test that can be read as a prefix.
        const star = levelsOf({ [`src/app.${ext}`]: app(".unless({ path: [new RegExp('/public/*')] })") });
        assert.equal(star['GET /public/docs'], 1);
      });

      it('reads the list through a constant and the `method` option', () => {
        const file = app(".unless({ path: PUBLIC, method: 'OPTIONS' })").replace('const app = express();', "const PUBLIC = ['/login'];\nconst app = express();");
        const levels = levelsOf({ [`src/app.${ext}`]: file + "app.options('/me', (req, res) => res.end());\n" });
        assert.equal(levels['POST /login'], 'unauthenticated');
        assert.equal(levels['OPTIONS /me'], 'unauthenticated');
        assert.equal(levels['GET /me'], 1);
      });

      it('keeps the verification where an entry cannot be read or the wrapper is not an allow-list', () => {
        // A regular expression with a class is not read, and a local `unless` is not the library's.
        const levels = levelsOf({ [`src/app.${ext}`]: app('.unless({ path: [/^\\/pub[a-z]+/] })') });
        assert.equal(levels['GET /public/docs'], 1);
        const local = levelsOf({ [`src/app.${ext}`]: app('.unless({ custom: (req) => req.ip === "127.0.0.1" })') });
        assert.equal(local['POST /login'], 1);
      });
    });
  }
});
