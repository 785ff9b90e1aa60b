import * as assert from 'node:assert/strict';
import { ADMIN_GUARD, gradesOfProject, reportsApp } from './service-lookups';

const routes = (lookup: string, containerImport = "import { Container } from 'typedi';") => reportsApp(lookup, containerImport);

describe('typedi model', () => {
  it('follows a method of the instance Container.get hands out into its class', () => {
    assert.deepEqual(gradesOfProject({ 'src/app.ts': routes('Container.get(AdminGuard)'), 'src/guards/AdminGuard.ts': ADMIN_GUARD }), { 'GET /reports': 3 });
  });

  it('takes the class from the type argument when the lookup is by token', () => {
    assert.deepEqual(gradesOfProject({ 'src/app.ts': routes("Container.get<AdminGuard>('admin-guard')"), 'src/guards/AdminGuard.ts': ADMIN_GUARD }), { 'GET /reports': 3 });
  });

  it('follows a class field the container fills, in CommonJS too', () => {
    const app = `const express = require('express');
const { Container } = require('typedi');
const { AdminGuard } = require('./guards/AdminGuard');
class Reports {
  guard = Container.get(AdminGuard);
  mount(app) { app.get('/reports', (req, res, next) => this.guard.check(req, res, next), (req, res) => res.json([])); }
}
const app = express();
new Reports().mount(app);
module.exports = app;
`;
    const guard = ADMIN_GUARD.replace("import * as jwt from 'jsonwebtoken';", "const jwt = require('jsonwebtoken');").replace('export class', 'class').replace(/: any|: \(\) => void|!| as \{ roles: string\[\] \}/g, '') + 'module.exports = { AdminGuard };\n';
    assert.deepEqual(gradesOfProject({ 'src/app.js': app, 'src/guards/AdminGuard.js': guard }), { 'GET /reports': 3 });
  });

  it('does not take a local object with a get method for the container', () => {
    const local = routes('Container.get(AdminGuard)', 'const Container = { get: (kind: unknown) => ({ check: (_req: unknown, _res: unknown, next: () => void) => next() }) };');
    assert.deepEqual(gradesOfProject({ 'src/app.ts': local, 'src/guards/AdminGuard.ts': ADMIN_GUARD }), { 'GET /reports': 'unauthenticated' });
  });
});
