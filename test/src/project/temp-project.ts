import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';

/** A project folder in the temp directory (real path, own package.json) holding `files`; the caller removes it. */
export function writeTempProject(files: Record<string, string>, name: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `claimguard-${name}-`)));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, private: true }));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/**
 * Grades the routes of a temporary project made of `files` through the project index, from a fresh index, and
 * removes the project: each route's level and first reason by `METHOD path`.
 */
export function gradeTempProject(files: Record<string, string>, name: string): Record<string, { level: string | number; reason: string }> {
  const root = writeTempProject(files, name);
  try {
    forgetProjects();
    const graded = gradeRoutes(projectFor(path.join(root, Object.keys(files)[0]!), {}).routes(), []);
    return Object.fromEntries(graded.map((route) => [`${route.linked.route.method} ${route.path}`, { level: route.grade.level, reason: route.grade.reasons[0]?.text ?? '' }]));
  } finally {
    forgetProjects();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Each route's level by `METHOD path` (see gradeTempProject). */
export function tempProjectLevels(files: Record<string, string>, name: string): Record<string, string | number> {
  return Object.fromEntries(Object.entries(gradeTempProject(files, name)).map(([route, grade]) => [route, grade.level]));
}
