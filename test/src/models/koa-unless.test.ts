import * as assert from 'node:assert/strict';
import { tempProjectLevels } from '../project/temp-project';

/** koa-unless: koa-jwt's `.unless({ path })` lets the listed paths through. */
const levelsOf = (files: Record<string, string>) => tempProjectLevels(files, 'koa-unless');

describe('koa-unless', () => {
  it('drops koa-jwt on the paths listed, through koa-router routers', () => {
    const levels = levelsOf({
      'src/app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');
const app = new Koa();
const router = new Router();
router.post('/login', (ctx) => { ctx.body = {}; });
router.get('/public/status', (ctx) => { ctx.body = {}; });
router.get('/me', (ctx) => { ctx.body = ctx.state.user; });
app.use(jwt({ secret: process.env.KEY, algorithms: ['HS256'] }).unless({ path: [/^\\/public/, '/login'] }));
app.use(router.routes());
`,
    });
    assert.deepEqual(levels, { 'POST /login': 'unauthenticated', 'GET /public/status': 'unauthenticated', 'GET /me': 1 });
  });

  it('reads the alternatives of one regular expression, each with its own anchors', () => {
    const app = (pattern: string) => `import Koa from 'koa';
import Router from 'koa-router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router();
router.post('/user/login', (ctx) => { ctx.body = {}; });
router.get('/public/status', (ctx) => { ctx.body = {}; });
router.get('/me/public', (ctx) => { ctx.body = ctx.state.user; });
app.use(jwt({ secret: process.env.KEY, algorithms: ['HS256'] }).unless({ path: [${pattern}] }));
app.use(router.routes());
`;
    assert.deepEqual(levelsOf({ 'src/app.ts': app('/^\\/public|\\/user\\/login/') }), { 'POST /user/login': 'unauthenticated', 'GET /public/status': 'unauthenticated', 'GET /me/public': 1 });
    // One alternative that is not a plain path makes the whole literal unreadable: nothing is let through.
    assert.deepEqual(levelsOf({ 'src/app.ts': app('/^\\/public|\\/user\\/[a-z]+/') }), { 'POST /user/login': 1, 'GET /public/status': 1, 'GET /me/public': 1 });
  });
});
