/**
 * What editors and the CLI read after a lint, beyond ESLint's messages: where each finding's value came
 * from, and every route's maturity level. Both come from the same analysis the rules use.
 */
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { findingDetails } from './analysis/findings';
import { routeOptionsOf } from './analysis/maturity';
import { gradeFileRoutes, gradeRoutes, type GradedRoute } from './project/grades';
import { allProjects, projectFor, textKey, type SummaryEntry } from './project/index';
import type { FindingDetail, RouteLevel, Span } from './analysis/findings';

export type { FindingDetail, MaturityLevel, RouteLevel, Span } from './analysis/findings';

/** One route's grade, as the `maturity-level` rule, the CLI table and editor code lenses show it. */
export interface RouteReport {
  /** HTTP method in upper case, or `ALL` for routes that take every method. */
  method: string;
  /** The route path as registered (`/users/:id`), or the file-derived path for file-based routers. */
  path: string;
  /** Where one endpoint serves many operations (GraphQL): the operation, `Query.invoice`. */
  operation?: string;
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
 * Every route of the file with its maturity grade, its chain linked across the project exactly as the
 * `maturity-level` rule saw it. The file name and the public-route allow-list default to what the rule ran with.
 */
export function routeReports(
  sourceCode: TSESLint.SourceCode,
  settings?: Readonly<Record<string, unknown>>,
  options: { filename?: string; publicRoutes?: readonly string[] } = {},
): RouteReport[] {
  const remembered = routeOptionsOf(sourceCode);
  const filename = options.filename ?? remembered?.filename ?? '';
  const publicRoutes = options.publicRoutes ?? remembered?.publicRoutes ?? [];
  return gradeFileRoutes(sourceCode, settings, filename, publicRoutes).map(toReport);
}

function toReport({ linked, path: routePath, grade, publicRoute, anchor }: GradedRoute): RouteReport {
  return {
    method: linked.route.method,
    path: routePath,
    ...(linked.route.operation !== undefined ? { operation: linked.route.operation } : {}),
    span: anchor,
    level: grade.level,
    reasons: grade.reasons,
    nextStep: grade.nextStep,
    publicRoute,
    protectedRoute: grade.protectedRoute,
  };
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

/** A route of a project with its grade; paths are absolute, reason texts name other files relative to the project root. */
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
 * file right after linting it, then ask for the `routes`: the project index keeps each file's summary, never its
 * parse, so the parse can be dropped as soon as `add` returns.
 */
export interface ProjectGrader {
  /** Records the file's summary from its parse and returns it as plain data (what `accept` takes elsewhere). */
  add(file: ProjectFile): SummarizedFile;
  /** A file summarized in another grader, another thread or another process. */
  accept(file: SummarizedFile): void;
  routes(): ProjectRouteReport[];
}

/**
 * One file's summary as plain, structured-cloneable data: what a host that lints on worker threads hands back
 * instead of the parse, so one grader links the whole project.
 */
export interface SummarizedFile {
  filename: string;
  /** `settings.claimguard` of the file's configuration, which the project index is chosen by. */
  settings: Readonly<Record<string, unknown>>;
  publicRoutes: readonly string[];
  entry: SummaryEntry;
}

export type { SummaryEntry } from './project/index';

/** `publicRoutes` (a command line's, say) are public in every file, on top of each file's own. */
export function createProjectGrader(options: { publicRoutes?: readonly string[] } = {}): ProjectGrader {
  const added = new Map<string, { index: ReturnType<typeof projectFor>; publicRoutes: readonly string[] }>();
  return {
    add({ filename, sourceCode, settings, publicRoutes }) {
      const index = projectFor(filename, settings);
      const summary = index.record(filename, sourceCode);
      const allowed = publicRoutes ?? routeOptionsOf(sourceCode)?.publicRoutes ?? [];
      added.set(filename, { index, publicRoutes: allowed });
      return { filename, settings: claimGuardSettings(settings), publicRoutes: allowed, entry: { file: filename, key: textKey(sourceCode.text), summary } };
    },
    accept({ filename, settings, publicRoutes, entry }) {
      const index = projectFor(filename, settings);
      index.accept(entry);
      added.set(filename, { index, publicRoutes });
    },
    routes() {
      const reports: ProjectRouteReport[] = [];
      for (const [filename, { index, publicRoutes }] of added) {
        const allowed = [...(options.publicRoutes ?? []), ...publicRoutes];
        for (const graded of gradeRoutes(index.routesIn(filename), allowed)) {
          reports.push({
            ...toReport(graded),
            file: filename,
            reasons: graded.grade.reasons.map((reason) => (reason.file ? { ...reason, file: path.resolve(index.root, reason.file) } : reason)),
          });
        }
      }
      return reports;
    },
  };
}

/** Only `settings.claimguard` shapes a summary; the rest of ESLint's settings may not even be cloneable. */
function claimGuardSettings(settings: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return settings.claimguard === undefined ? {} : { claimguard: settings.claimguard };
}

/** `createProjectGrader` for files already at hand. */
export function gradeProject(projectFiles: Iterable<ProjectFile>, options: { publicRoutes?: readonly string[] } = {}): ProjectRouteReport[] {
  const grader = createProjectGrader(options);
  for (const file of projectFiles) grader.add(file);
  return grader.routes();
}

/**
 * The project index behind every grade, for long-running hosts such as the language server: `fileChanged` after
 * a file changed, appeared or disappeared on disk (or an editor dropped its unsaved text), and `dependentFiles`
 * for the other files whose findings and grades may change with it.
 */
export function fileChanged(filename: string): void {
  for (const index of allProjects()) index.invalidate(filename);
}

export function dependentFiles(filename: string): string[] {
  const dependents = new Set<string>();
  for (const index of allProjects()) for (const file of index.dependentsOf(filename)) dependents.add(file);
  return [...dependents].sort();
}

/**
 * The files the `claimguard` command lints in a folder (absolute, sorted), for a host that lints a whole workspace
 * and must agree with it: JavaScript and TypeScript files as ESLint's `files` globs match them (so `.d.ts` files
 * count, `Server.JS` does not), outside `node_modules`, `.git` and build output. Like ESLint, it reads no
 * `.gitignore`; a project's own config may ignore more, file by file.
 */
export { commandFiles } from './cli/project';

/**
 * Why a text must not be handed to ESLint at all (nesting deep enough to exhaust the parser's stack, which can abort
 * the process rather than throw), or undefined. Hosts ask before each lint and report the file as not analysed.
 */
export { refusalBeforeParsing } from './project/parse';

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

/** The path as people read it: a GraphQL endpoint's routes carry their operation (`/graphql Query.invoice`). */
export function routeTarget(route: Pick<RouteReport, 'path' | 'operation'>): string {
  return route.operation !== undefined ? `${route.path} ${route.operation}` : route.path;
}
