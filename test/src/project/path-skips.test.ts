import * as assert from 'node:assert/strict';
import { tempProjectLevels } from './temp-project';

/**
 * Authentication that lets some paths through: allow-lists at the top of a middleware or hook, the same test in
 * the `catch` of the verification (the `unless` wrappers have their own model tests). Routes on those paths run none
 * of what the code establishes; every other route keeps it. Each case is a small project graded through the
 * project index, in one file or across several, in JavaScript and TypeScript.
 */
describe('paths that authentication lets through', () => {
  const levelsOf = (files: Record<string, string>) => tempProjectLevels(files, 'path-skips');

  describe('allow-lists written in the middleware', () => {
    const middleware = (head: string, verify = "req.user = jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] });\n    next();") => `const jwt = require('jsonwebtoken');
const PUBLIC = ['/login', '/signup'];
const PREFIXES = ['/public/', '/docs'];
module.exports = function authenticate(req, res, next) {
${head}
  try {
    ${verify}
  } catch (error) {
    res.status(401).json({ error: 'unauthorized' });
  }
};
`;
    const app = `const express = require('express');
const authenticate = require('./middleware/authenticate');
const app = express();
app.use(authenticate);
app.post('/login', (req, res) => res.json({}));
app.get('/public/docs', (req, res) => res.json({}));
app.get('/docs', (req, res) => res.json({}));
app.get('/loginhistory', (req, res) => res.json(req.user));
app.get('/me', (req, res) => res.json(req.user));
`;
    const cases: [string, string, string[]][] = [
      ['a constant list', '  if (PUBLIC.includes(req.path)) return next();', ['POST /login']],
      ['an array literal', "  if (['/login', '/signup'].includes(req.originalUrl)) { return next(); }", ['POST /login']],
      ['equality', "  if (req.path === '/login' || '/docs' === req.path) {\n    next();\n    return;\n  }", ['POST /login', 'GET /docs']],
      ['prefixes through `some`', '  if (PREFIXES.some((prefix) => req.path.startsWith(prefix))) return next();', ['GET /public/docs', 'GET /docs']],
      ['a plain regular expression', '  if (/^\\/public\\//.test(req.path)) return next();', ['GET /public/docs']],
      ['a method and a path', "  if (req.method === 'POST' && req.path === '/login') return next();", ['POST /login']],
      ['a read of the token first', "  const header = req.headers.authorization;\n  if (PUBLIC.includes(req.path)) return next();", ['POST /login']],
    ];
    for (const [name, head, skipped] of cases) {
      it(`lets through the paths of ${name}, from another file`, () => {
        const levels = levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': middleware(head) });
        for (const [route, level] of Object.entries(levels)) assert.equal(level, skipped.includes(route) ? 'unauthenticated' : 1, route);
      });
    }

    it('reads an allow-list whose else branch authenticates, a local list, logging and a predicate helper', () => {
      const whiteList = `const passport = require('passport');
module.exports = function authMiddleware(req, res, next) {
  const whiteList = ['/login', '/public/'];
  console.log(req.path);
  if (whiteList.find((item) => {
    return req.originalUrl.startsWith(item);
  })) {
    next();
  } else {
    passport.authenticate('jwt', { session: false })(req, res, next);
  }
};
`;
      const strategy = `const passport = require('passport');
const { Strategy, ExtractJwt } = require('passport-jwt');
passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.KEY, algorithms: ['RS256'] }, (payload, done) => done(null, payload)));
`;
      const levels = levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': whiteList, 'src/passport.js': strategy });
      assert.equal(levels['POST /login'], 'unauthenticated');
      assert.equal(levels['GET /public/docs'], 'unauthenticated');
      assert.equal(levels['GET /me'], 1);
      const predicate = middleware('  const open = isPublic(req);\n  if (open) return next();').replace(
        'module.exports = function',
        "function isPublic(request) {\n  if (/^\\/docs$/.test(request.path)) return true;\n  if (PUBLIC.includes(request.path)) return true;\n  return false;\n}\nmodule.exports = function",
      );
      const byHelper = levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': predicate });
      for (const [route, level] of Object.entries(byHelper)) assert.equal(level, ['POST /login', 'GET /docs'].includes(route) ? 'unauthenticated' : 1, route);
    });

    it('reads the allow-list in the catch of the verification: a bad or missing token is fine on those paths', () => {
      const file = middleware('', "req.user = jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] });\n    return next();").replace(
        "  } catch (error) {\n",
        '  } catch (error) {\n    if (PUBLIC.includes(req.path)) return next();\n',
      );
      const levels = levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': file });
      assert.equal(levels['POST /login'], 'unauthenticated');
      assert.equal(levels['GET /me'], 1);
    });

    it('keeps the verification when the path test comes after it, or its branch does not go on', () => {
      const after = middleware('  const user = jwt.verify(req.headers.authorization, process.env.KEY);\n  if (PUBLIC.includes(req.path)) return next();');
      assert.equal(levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': after })['POST /login'], 1);
      const denies = middleware("  if (PUBLIC.includes(req.path)) return res.status(404).end();");
      assert.equal(levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': denies })['POST /login'], 1);
      const header = middleware("  if (req.headers['x-internal']) return next();");
      assert.equal(levelsOf({ 'src/app.js': app, 'src/middleware/authenticate.js': header })['POST /login'], 1);
    });

    it('matches a router-level allow-list against the path inside the router, and an app-level one against the full path', () => {
      const levels = levelsOf({
        'src/app.ts': `import express from 'express';
import { users } from './routes/users';
const app = express();
app.use('/api/users', users);
`,
        'src/routes/users.ts': `import { Router } from 'express';
import { authenticate } from '../middleware/authenticate';
export const users = Router();
users.use(authenticate);
users.post('/login', (req, res) => res.json({}));
users.get('/:id', (req, res) => res.json(req.user));
`,
        'src/middleware/authenticate.ts': `import jwt from 'jsonwebtoken';
import type { NextFunction, Request, Response } from 'express';
export function authenticate(req: Request, res: Response, next: NextFunction) {
  if (req.path === '/login') return next();
  try {
    (req as any).user = jwt.verify(String(req.headers.authorization), process.env.KEY!, { algorithms: ['RS256'] });
    next();
  } catch {
    res.sendStatus(401);
  }
}
`,
      });
      assert.deepEqual(levels, { 'POST /api/users/login': 'unauthenticated', 'GET /api/users/:id': 1 });
    });

    it('reads a path relative to the prefix the middleware is used under, in this file or imported', () => {
      const inline = `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
app.use('/api', (req, res, next) => {
  if (req.path === '/login') return next();
  req.user = jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] });
  next();
});
app.post('/api/login', (req, res) => res.json({}));
app.get('/api/orders', (req, res) => res.json(req.user));
`;
      assert.deepEqual(levelsOf({ 'src/app.js': inline }), { 'POST /api/login': 'unauthenticated', 'GET /api/orders': 1 });
      const imported = {
        'src/app.js': `const express = require('express');
const authenticate = require('./middleware/authenticate');
const accounts = require('./routes/accounts');
const app = express();
app.use('/api', authenticate);
app.use('/api/accounts', accounts);
`,
        'src/middleware/authenticate.js': middleware("  if (['/accounts/login'].includes(req.path)) return next();"),
        'src/routes/accounts.js': "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.json({}));\nrouter.get('/me', (req, res) => res.json(req.user));\nmodule.exports = router;\n",
      };
      assert.deepEqual(levelsOf(imported), { 'POST /api/accounts/login': 'unauthenticated', 'GET /api/accounts/me': 1 });
    });

    it('reads an `unless` on a middleware imported from another file', () => {
      const levels = levelsOf({
        'src/app.js': `const express = require('express');
const { requireAuth } = require('./auth');
const app = express();
app.use(requireAuth.unless({ path: ['/health'] }));
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/orders', (req, res) => res.json(req.auth));
`,
        'src/auth.js': `const { expressjwt } = require('express-jwt');
exports.requireAuth = expressjwt({ secret: process.env.KEY, algorithms: ['RS256'] });
`,
      });
      assert.deepEqual(levels, { 'GET /health': 'unauthenticated', 'GET /orders': 1 });
    });
  });

  describe('paths built at run time', () => {
    it('keeps a mount whose prefix is a template, naming what is not known, with the middleware it runs', () => {
      const levels = levelsOf({
        'src/setup.js': `import jwt from 'jsonwebtoken';
import conf from './config';
import queues from './queues';
import login from './login';
const checkToken = (req, res, next) => {
  req.decoded = jwt.verify(req.headers.authorization, conf.secretKey, { algorithms: ['HS256'] });
  next();
};
export default function setupRoutes(app) {
  app.use(\`/\${conf.apiName}/login\`, login);
  app.use(\`/\${conf.apiName}/queues\`, checkToken, queues);
}
`,
        'src/config.js': 'export default { apiName: process.env.API_NAME, secretKey: process.env.KEY };\n',
        'src/queues.js': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/:id', (req, res) => res.json({ by: req.decoded }));\nexport default router;\n",
        'src/login.js': "import { Router } from 'express';\nconst router = Router();\nrouter.post('/', (req, res) => res.json({}));\nexport default router;\n",
      });
      assert.deepEqual(levels, { 'POST /${conf.apiName}/login': 'unauthenticated', 'GET /${conf.apiName}/queues/:id': 1 });
    });
  });

  describe('lists another file exports', () => {
    const app = `const express = require('express');
const authenticate = require('./middleware/authenticate');
const app = express();
app.use(authenticate);
app.post('/login', (req, res) => res.json({}));
app.get('/public/docs', (req, res) => res.json({}));
app.get('/me', (req, res) => res.json(req.user));
`;
    const middleware = (imports: string, test: string) => `const jwt = require('jsonwebtoken');
${imports}
module.exports = function authenticate(req, res, next) {
  if (${test}) return next();
  req.user = jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] });
  next();
};
`;
    const cases: [string, Record<string, string>, string[]][] = [
      [
        'a named array of an ES module, read with includes',
        { 'src/middleware/authenticate.js': middleware("import { OPEN } from '../config/paths';", 'OPEN.includes(req.path)'), 'src/config/paths.js': "export const OPEN = ['/login'];\n" },
        ['POST /login'],
      ],
      [
        "a key of a CommonJS config object, read with some and startsWith",
        {
          'src/middleware/authenticate.js': middleware("const { publicPrefixes } = require('../config');", 'publicPrefixes.some((prefix) => req.path.startsWith(prefix))'),
          'src/config.js': "module.exports = { port: 3000, publicPrefixes: ['/public/', '/login'] };\n",
        },
        ['POST /login', 'GET /public/docs'],
      ],
      [
        'a default export holding regular expressions, through express-unless',
        {
          'src/middleware/authenticate.js': "const { expressjwt } = require('express-jwt');\nconst open = require('./open');\nmodule.exports = expressjwt({ secret: process.env.KEY, algorithms: ['RS256'] }).unless({ path: open });\n",
          'src/middleware/open.js': 'module.exports = [/^\\/public\\//, \'/login\'];\n',
        },
        ['POST /login', 'GET /public/docs'],
      ],
    ];
    for (const [name, files, skipped] of cases) {
      it(`reads ${name}`, () => {
        const levels = levelsOf({ 'src/app.js': app, ...files });
        for (const [route, level] of Object.entries(levels)) assert.equal(level, skipped.includes(route) ? 'unauthenticated' : 1, route);
      });
    }

    it('lets nothing through when the imported name is not a list of paths', () => {
      const files = { 'src/middleware/authenticate.js': middleware("const { isOpen } = require('../config');", 'isOpen.includes(req.path)'), 'src/config.js': "module.exports = { isOpen: (path) => path === '/login', roles: ['admin'] };\n" };
      const levels = levelsOf({ 'src/app.js': app, ...files });
      assert.deepEqual(levels, { 'POST /login': 1, 'GET /public/docs': 1, 'GET /me': 1 });
    });
  });

  describe('Next.js middleware', () => {
    const middleware = (head: string) => `import { NextResponse } from 'next/server';
import { jwtVerify } from 'jose';
const PUBLIC_ROUTES = ['/api/health', '/api/auth/login'];
export async function middleware(req) {
${head}
  const token = req.headers.get('authorization')?.replace('Bearer ', '') ?? '';
  try {
    await jwtVerify(token, new TextEncoder().encode(process.env.SECRET), { algorithms: ['HS256'] });
    return NextResponse.next();
  } catch {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
}
export const config = { matcher: ['/api/:path*'] };
`;
    const route = (method: string) => `export async function ${method}() { return Response.json({}); }\n`;
    const project = (head: string, ext = 'ts') => ({
      [`middleware.${ext}`]: middleware(head),
      [`app/api/health/route.${ext}`]: route('GET'),
      [`app/api/auth/login/route.${ext}`]: route('POST'),
      [`app/api/orders/route.${ext}`]: route('GET'),
    });

    it('reads the same allow-list in JavaScript files', () => {
      const levels = levelsOf(project('  if (PUBLIC_ROUTES.includes(req.nextUrl.pathname)) return NextResponse.next();', 'js'));
      assert.equal(levels['POST /api/auth/login'], 'unauthenticated');
      assert.notEqual(levels['GET /api/orders'], 'unauthenticated');
    });

    for (const [name, head] of [
      ['a destructured pathname', '  const { pathname } = req.nextUrl;\n  if (PUBLIC_ROUTES.includes(pathname)) return NextResponse.next();'],
      ['a test kept in a constant', '  const path = req.nextUrl.pathname;\n  const isPublic = PUBLIC_ROUTES.some((route) => path.startsWith(route));\n  if (isPublic) return NextResponse.next();'],
    ]) {
      it(`lets the listed routes through with ${name}`, () => {
        const levels = levelsOf(project(head!));
        assert.equal(levels['GET /api/health'], 'unauthenticated');
        assert.equal(levels['POST /api/auth/login'], 'unauthenticated');
        assert.notEqual(levels['GET /api/orders'], 'unauthenticated');
      });
    }

    it('keeps the verification on every route without an allow-list', () => {
      const levels = levelsOf(project(''));
      assert.equal(levels['GET /api/health'], levels['GET /api/orders']);
      assert.notEqual(levels['GET /api/health'], 'unauthenticated');
    });
  });

  describe('hooks that return early', () => {
    it('drops a Fastify hook in the same file on the prefixes it returns for', () => {
      const levels = levelsOf({
        'src/server.ts': `import Fastify from 'fastify';
const app = Fastify();
app.addHook('onRequest', async (request, reply) => {
  if (request.url.startsWith('/auth/')) return;
  await request.jwtVerify();
});
app.post('/auth/login', async () => ({}));
app.get('/authors', async () => []);
app.get('/me', async (request) => request.user);
`,
      });
      assert.equal(levels['POST /auth/login'], 'unauthenticated');
      // `/authors` does not start with `/auth/`.
      assert.notEqual(levels['GET /authors'], 'unauthenticated');
      assert.equal(levels['GET /authors'], levels['GET /me']);
    });
  });
});
