import * as assert from 'node:assert/strict';
import { mentions } from '../../../eslint-plugin/out/util/mentions';
import { mayRoute } from '../../../eslint-plugin/out/project/index';

describe('looking for a name and what follows it, without a RegExp', () => {
  it('finds a bare name followed by its marks, with any whitespace between', () => {
    assert.equal(mentions('const resolvers = { Query : {', '', 'Query', [':']), true);
    assert.equal(mentions('export const app = router(\n  {\n', '', 'router', ['(', '{']), true);
    assert.equal(mentions('t.procedure.query ( () => 1)', '.', 'query', ['(']), true);
  });

  it('needs the whole name and the right character before it', () => {
    assert.equal(mentions('const SubQuery: string', '', 'Query', [':']), false);
    assert.equal(mentions('const Querying: string', '', 'Query', [':']), false);
    assert.equal(mentions('query(sql)', '.', 'query', ['(']), false);
    assert.equal(mentions('router(options)', '', 'router', ['(', '{']), false);
    assert.equal(mentions('Query Query Query:', '', 'Query', [':']), true);
  });

  it('answers on long runs of names and whitespace (each stretch is scanned once)', () => {
    const text = `${'Query '.repeat(50_000)}${' '.repeat(100_000)}x`;
    assert.equal(mentions(text, '', 'Query', [':']), false);
    assert.equal(mentions(`${text} Query:`, '', 'Query', [':']), true);
  });

  it('makes files with resolver maps, procedures or router tables candidates for linking', () => {
    assert.equal(mayRoute('/p/src/resolvers.js', 'module.exports = { Query: { me: () => null } };'), true);
    assert.equal(mayRoute('/p/src/post.ts', 'export const post = t.router({ feed: t.procedure.query(() => []) });'), true);
    assert.equal(mayRoute('/p/src/util.js', 'export const sum = (a, b) => a + b;'), false);
  });

  it('makes files that register routes by method and path candidates, in every form a path takes', () => {
    const registrations = [
      "app.get('/users/:id', handler);",
      'router.post("/a", auth, handler);',
      "fastify.get('/me', { preHandler: [auth] }, handler);",
      'router.delete(\n  \'/items/:id\',\n  handler,\n);',
      'app.get(`${prefix}/orders`, handler);',
      "app.get(['/a', '/b'], handler);",
      'app.get(/^\\/files\\/.*/, handler);',
      "app.all('*', handler);",
      "router.get('user', '/users/:id', handler);",
    ];
    for (const text of registrations) assert.equal(mayRoute('/p/src/routes.js', text), true, text);
  });

  it('passes over method calls that only look like routes: getters, cookies, test clients, Promise.all', () => {
    const lookalikes = [
      "const id = paramMap.get('id');",
      "this.translate.get('BASKET_ADD_PRODUCT', { product: name });",
      "cookieService.put('token', authentication.token);",
      "const res = await request(app).get('/rest/user/whoami').set('Authorization', token);",
      "await Promise.all([load(), save()]);",
      "headers.delete('x-powered-by');",
    ];
    for (const text of lookalikes) assert.equal(mayRoute('/p/src/component.ts', text), false, text);
  });
});
