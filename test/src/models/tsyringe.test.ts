import * as assert from 'node:assert/strict';
import { ADMIN_GUARD, gradesOfProject, reportsApp } from './service-lookups';

const routes = (lookup: string, containerImport = "import { container } from 'tsyringe';") => reportsApp(lookup, containerImport);

describe('tsyringe model', () => {
  it('follows a method of the instance container.resolve hands out into its class', () => {
    assert.deepEqual(gradesOfProject({ 'src/app.ts': routes('container.resolve(AdminGuard)'), 'src/guards/AdminGuard.ts': ADMIN_GUARD }), { 'GET /reports': 3 });
  });

  it('follows the same call on the instance itself, without a variable', () => {
    const inline = routes('container.resolve(AdminGuard)').replace('guard.check(', 'container.resolve(AdminGuard).check(');
    assert.deepEqual(gradesOfProject({ 'src/app.ts': inline, 'src/guards/AdminGuard.ts': ADMIN_GUARD }), { 'GET /reports': 3 });
  });

  it('does not take a container of the project for the library', () => {
    const project = routes('container.resolve(AdminGuard)', "import { container } from './di';");
    const di = 'export const container = { resolve: (_kind: unknown) => ({ check: (_req: unknown, _res: unknown, next: () => void) => next() }) };\n';
    assert.deepEqual(gradesOfProject({ 'src/app.ts': project, 'src/di.ts': di, 'src/guards/AdminGuard.ts': ADMIN_GUARD }), { 'GET /reports': 'unauthenticated' });
  });
});
