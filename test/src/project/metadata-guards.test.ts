import * as assert from 'node:assert/strict';
import { tempProjectFindingLines, tempProjectLevels } from './temp-project';

/**
 * NestJS's documented roles guard, made global with APP_GUARD: it lets every request through when the route has
 * no `@Roles()` metadata (`if (!requiredRoles) return true`), so its role check decides only on routes that carry
 * it. Elsewhere the route's own code decides, and an unchecked record change there is reported. TypeScript.
 */
describe('guards that decide only where the route carries their metadata', function () {
  this.timeout(60_000);

  const files = (rolesGuard: string) => ({
    'src/app.module.ts': `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { RolesGuard } from './roles.guard';
import { ProjectsController } from './projects.controller';
@Module({
  controllers: [ProjectsController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class AppModule {}
`,
    'src/auth.guard.ts': `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    try {
      request.user = jwt.verify(String(request.headers.authorization).slice(7), process.env.JWT_PUBLIC_KEY!, { algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'projects' });
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }
}
`,
    'src/roles.ts': "import { SetMetadata } from '@nestjs/common';\nexport const ROLES_KEY = 'roles';\nexport const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);\n",
    'src/roles.guard.ts': `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES_KEY } from './roles';
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    const requiredRoles = this.reflector.getAllAndOverride<string[]>(ROLES_KEY, [context.getHandler(), context.getClass()]);
${rolesGuard}
    const { user } = context.switchToHttp().getRequest();
    return requiredRoles.some((role) => user.roles?.includes(role));
  }
}
`,
    'src/projects.controller.ts': `import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { Roles } from './roles';
const prisma = new PrismaClient();
@Controller('projects')
export class ProjectsController {
  @Roles('admin')
  @Get(':id/audit')
  audit(@Param('id') id: string) {
    return prisma.project.findUnique({ where: { id } });
  }

  @Patch(':id')
  rename(@Param('id') id: string, @Body('name') name: string) {
    return prisma.project.update({ where: { id }, data: { name } });
  }
}
`,
  });

  it('takes the role check for the routes marked @Roles only, and reports the unchecked change elsewhere', async () => {
    const project = files('    if (!requiredRoles) {\n      return true;\n    }');
    assert.deepEqual(tempProjectLevels(project, 'metadata-guards'), { 'GET /projects/:id/audit': 3, 'PATCH /projects/:id': 1 });
    assert.deepEqual(await tempProjectFindingLines(project, 'metadata-guards', 'claimguard/require-ownership-check'), ['src/projects.controller.ts:15']);
  });

  it('keeps a guard that checks the role on every route a gate on every route', async () => {
    const project = files('    if (!requiredRoles) throw new Error("roles are required");');
    assert.deepEqual(tempProjectLevels(project, 'metadata-guards'), { 'GET /projects/:id/audit': 3, 'PATCH /projects/:id': 3 });
    assert.deepEqual(await tempProjectFindingLines(project, 'metadata-guards', 'claimguard/require-ownership-check'), []);
  });
});
