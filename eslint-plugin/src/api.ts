/**
 * What editors and the CLI read after a lint, beyond ESLint's messages: where each finding's value came
 * from, and every route's maturity level. Both come from the same analysis the rules use.
 */
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { findingDetails, spanOf } from './analysis/findings';
import {
  anchorOf,
  getFileFacts,
  gradeChain,
  gradeFileRoutes,
  matchesPublicRoute,
  nameFileFacts,
  resolveProject,
  routeOptionsOf,
  type FileFacts,
} from './analysis/maturity';
import { importResolver } from './cli/project';
import type { FindingDetail, RouteLevel, Span } from './analysis/findings';

export type { FindingDetail, MaturityLevel, RouteLevel, Span } from './analysis/findings';

/** One route's grade, as the `maturity-level` rule, the CLI table and editor code lenses show it. */
export interface RouteReport {
  /** HTTP method in upper case, or `ALL` for routes that take every method. */
  method: string;
  /** The route path as registered (`/users/:id`), or the file-derived path for file-based routers. */
  path: string;
  /** The registration (or the handler, for file-based routes). */
  span: Span;
  level: RouteLevel;
  /** Why the route is at its level, one line each, e.g. "role from header 'x-role' at line 41". */
  reasons: { text: string; span?: Span }[];
  /** What reaches the next level, e.g. "take the role from the verified token to reach Level 3". */
  nextStep: string;
  /** True when the route matches the configured allow-list of public routes. */
  publicRoute: boolean;
  /**
   * False for a route with no authentication that makes no access decision: it may be public on purpose, so it
   * does not count towards a grade (see `lowestLevel`).
   */
  protectedRoute: boolean;
}

/** Details recorded by the rules during the last lint of `sourceCode`, in report order. */
export function getFindingDetails(sourceCode: TSESLint.SourceCode): readonly FindingDetail[] {
  return findingDetails(sourceCode);
}

/**
 * Every route of the file with its maturity grade, from the same analysis the rules used. The file name
 * (for file-based routers) and the public-route allow-list default to what `maturity-level` ran with.
 */
export function routeReports(
  sourceCode: TSESLint.SourceCode,
  settings?: Readonly<Record<string, unknown>>,
  options: { filename?: string; publicRoutes?: readonly string[] } = {},
): RouteReport[] {
  const remembered = routeOptionsOf(sourceCode);
  const filename = options.filename ?? remembered?.filename ?? '';
  const publicRoutes = options.publicRoutes ?? remembered?.publicRoutes ?? [];
  return gradeFileRoutes(sourceCode, settings, filename, publicRoutes).map(({ route, grade, publicRoute, anchor }) => ({
    method: route.method,
    path: route.path,
    span: spanOf(anchor),
    level: grade.level,
    reasons: grade.reasons,
    nextStep: grade.nextStep,
    publicRoute,
    protectedRoute: grade.protectedRoute,
  }));
}

/** One linted file of a project, as a tool that ran ESLint on it hands it over. */
export interface ProjectFile {
  /** Absolute path. */
  filename: string;
  sourceCode: TSESLint.SourceCode;
  /** The settings ESLint gave the rules for this file (`context.settings`). */
  settings: Readonly<Record<string, unknown>>;
  /** Public routes configured for this file (`maturity-level`'s `publicRoutes`); by default what the rule ran with. */
  publicRoutes?: readonly string[];
}

/** A route of a project with its grade; paths are absolute, reason texts name other files relative to `root`. */
export interface ProjectRouteReport extends RouteReport {
  /** The file that registers the route. */
  file: string;
  /** `file` (absolute) is set on reasons found in another file than the route's. */
  reasons: { text: string; span?: Span; file?: string }[];
}

/**
 * Grades the files of a project as one, as the `claimguard` command's route table grades them: middleware
 * imported from another file is resolved, routers are joined with the chains of the files that mount them,
 * Next.js routes with `middleware.ts`, NestJS controllers with module middleware and global guards. `add` each
 * file right after linting it, then ask for the `routes`; the grader keeps what the grading needs of each file
 * (today its parse, so memory grows with the sources added).
 */
export interface ProjectGrader {
  add(file: ProjectFile): void;
  routes(): ProjectRouteReport[];
}

/**
 * `root` is the project's folder: `@/` and `~/` imports resolve below it, and reason texts name files relative
 * to it. `publicRoutes` (a command line's, say) are public in every file, on top of each file's own.
 */
export function createProjectGrader(options: { root: string; publicRoutes?: readonly string[] }): ProjectGrader {
  const files = new Map<string, FileFacts>();
  const publicRoutesByFile = new Map<string, readonly string[]>();
  const display = (file: string) => (path.relative(options.root, file) || path.basename(file)).split(path.sep).join('/');
  return {
    add({ filename, sourceCode, settings, publicRoutes }) {
      const facts = getFileFacts(sourceCode, settings, filename);
      nameFileFacts(facts, filename);
      files.set(filename, facts);
      publicRoutesByFile.set(filename, publicRoutes ?? routeOptionsOf(sourceCode)?.publicRoutes ?? []);
    },
    routes() {
      return resolveProject(files, importResolver(files, options.root), display).map(({ file, route, facts, upstreamHidden }) => {
        const grade = gradeChain(facts, upstreamHidden, route.framework);
        const publicRoutes = [...(options.publicRoutes ?? []), ...(publicRoutesByFile.get(file) ?? [])];
        return {
          file,
          method: route.method,
          path: route.path,
          span: spanOf(anchorOf(route.node)),
          level: grade.level,
          reasons: grade.reasons.map((reason) => (reason.file ? { ...reason, file: path.resolve(options.root, reason.file) } : reason)),
          nextStep: grade.nextStep,
          publicRoute: matchesPublicRoute(route.path, publicRoutes),
          protectedRoute: grade.protectedRoute,
        };
      });
    },
  };
}

/** `createProjectGrader` for files already at hand. */
export function gradeProject(projectFiles: Iterable<ProjectFile>, options: { root: string; publicRoutes?: readonly string[] }): ProjectRouteReport[] {
  const grader = createProjectGrader(options);
  for (const file of projectFiles) grader.add(file);
  return grader.routes();
}

/**
 * The grade of a set of routes (a file's, a project's): the lowest level of the protected, not public routes,
 * `unauthenticated` ranking below Level 0; `unknown` never counts. Null when no route counts.
 */
export { lowestLevel } from './analysis/maturity';

export {
  createProjectESLint,
  lookupProjectConfig,
  workspaceConfig,
  type AppliedConfiguration,
  type ClaimGuardOverrides,
  type ProjectConfigLookup,
  type RuleSeverity,
  type WorkspaceConfig,
  type WorkspaceConfigOptions,
} from './workspace-config';
