import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeTempProject } from '../project/temp-project';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';

/**
 * A guard class in its own file that verifies a pinned token and requires the admin role: a route that runs its
 * method grades Level 3, one that does not is unauthenticated. Service-container models are tested through it.
 */
export const ADMIN_GUARD = `import * as jwt from 'jsonwebtoken';
export class AdminGuard {
  check(req: any, res: any, next: () => void) {
    const claims = jwt.verify(String(req.headers.authorization).slice(7), process.env.PUBLIC_KEY!, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }) as { roles: string[] };
    if (!claims.roles.includes('admin')) return res.sendStatus(403);
    next();
  }
}
`;

/** Grades the routes of a project written to a temporary folder, by `METHOD path`, and removes the folder. */
export function gradesOfProject(files: Record<string, string>): Record<string, string | number> {
  const root = writeTempProject(files, 'service-lookup');
  try {
    forgetProjects();
    const graded = gradeRoutes(projectFor(path.join(root, Object.keys(files)[0]!), {}).routes(), []);
    return Object.fromEntries(graded.map((route) => [`${route.linked.route.method} ${route.path}`, route.grade.level]));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    forgetProjects();
  }
}

/** An Express app whose `/reports` route runs `guard.check`, with `guard` looked up as `lookup` from the container import. */
export function reportsApp(lookup: string, containerImport: string): string {
  return `import express from 'express';
${containerImport}
import { AdminGuard } from './guards/AdminGuard';
const guard = ${lookup};
export const app = express();
app.get('/reports', (req, res, next) => guard.check(req, res, next), (req, res) => res.json([]));
`;
}
