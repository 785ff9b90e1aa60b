/**
 * The summary of one file: what other files need to know about it, as plain, serialisable data (no AST nodes,
 * locations as spans and offset ranges). The project index keeps one per file, from ESLint's own parse for the
 * file being linted and from a parse of its text for the others, and links them across imports.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { spanOf, type Span } from './findings';
import { analyzeSourceCode } from './index';
import { toPortable, type PortableValue } from './portable';
import { isFunctionNode, unwrap } from './syntax';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { anchorOf, getFileFacts, SESSION_UNPINNED, strategyFacts, type ChainFacts, type VerificationFact } from './maturity';
import { callResultExports } from './call-result-exports';
import { getCredentialFacts } from './credentials';
import { modelSetFor } from './library-models';
import type { LibraryModel, TokenResult } from '../models/library-model';
import type { AutoloadFolder, ChainLink, Framework, ImportRef, NestGlobalPrefix, NestRouteTarget, Range } from './routes';
import type { ModelSummary } from './schemas';
import { pathListsOf, type PathMatch, type PathTest } from './path-skips';
import type { ParamFacts } from './service-facts';
import { portableConstantOf, type PortableConstant } from './static-values';
import { schemaOperationTypes } from './root-values';

export interface RouteSummary {
  framework: Framework;
  /** Upper case, or `ALL`. */
  method: string;
  path: string;
  /** The registration, and the short node reports and lenses point at. */
  span: Span;
  anchor: Span;
  /** What the chain runs in this file, as far as this file shows (imported links are `unknown` facts with a ref). */
  facts: ChainFacts;
  /** The code the chain's links run in this file, so a function's file knows which routes reach it. */
  ranges: readonly Range[];
  /** The handler and middleware imported from other files, in chain order. */
  imported: readonly ImportRef[];
  mountedElsewhere: boolean;
  /** The route carries metadata guards read (`@Roles('admin')`): their decisions that need it apply here. */
  marked?: true;
  exportedAs?: string;
  controller?: string;
  skipsGlobalGuards?: boolean;
  /** The route takes the application's default authentication, which another file sets (`server.auth.default()`). */
  usesDefaultAuth?: boolean;
  /** Authentication happens where the platform is configured, before the code runs (an API Gateway authorizer). */
  authOutsideCode?: boolean;
  /** Where one endpoint serves many operations (GraphQL): the operation, `Query.invoice`. */
  operation?: string;
  /** A root-value field named by its field alone: the imported schema whose SDL gives its type (see ExportSummary.sdlTypes). */
  operationSchema?: ImportRef;
}

export interface ExportSummary {
  name: string;
  facts: ChainFacts;
  ranges: readonly Range[];
  /** Set when the export is itself an import from another file (`export { x } from './y'`, `module.exports = require('./y')`). */
  reexport?: ImportRef;
  /** The export is a router, app or plugin that registers or mounts routes: mounting it is not running middleware. */
  router?: boolean;
  /** Methods of an exported class, functions of an exported object: what `service.method()` elsewhere runs. */
  members?: readonly { name: string; facts: ChainFacts; ranges: readonly Range[]; returns?: readonly PortableValue[]; params?: ParamFacts }[];
  /** What an exported function returns, with its parameters as placeholders; a call in another file instantiates it. */
  returns?: readonly PortableValue[];
  /** The model, schema, entity or DTO the export is, with its fields. */
  model?: ModelSummary;
  /** What an exported function does with its parameters: records it accesses and scopes by them. */
  params?: ParamFacts;
  /** Paths the hooks an exported plugin adds let through without running (`if (request.url.startsWith(…)) return`). */
  hookSkips?: readonly PathTest[];
  /** Lists of paths the export holds, itself (`''`) or by key, which allow-lists in other files read (see PathList). */
  pathLists?: Readonly<Record<string, readonly PathMatch[]>>;
  /** The string constants the export holds (a config module's secrets and their literal fallbacks). */
  constant?: PortableConstant;
  /** A schema built from SDL (`buildSchema(`type Query { invoice: Invoice }`)`): the root operation type of each field. */
  sdlTypes?: Readonly<Record<string, string>>;
  /**
   * The export is what a library call returns, or a member of it (`export const { auth } = NextAuth(config)`: member
   * `auth` of a call of next-auth's default export); its facts and returns are what the library's model says.
   */
  callResult?: { module: string; of: readonly string[]; member?: string };
}

export interface MountSummary {
  ref: ImportRef;
  prefix: string;
  /** The export name of the router the mount is made on, when that router is itself mounted elsewhere. */
  mountedOn?: string;
  /** The mounted value may be middleware; it counts as a mount only when its export is a router. */
  uncertain?: boolean;
  /** The operation type the mounted fields join (`Query`): their routes are named `Query.field`. */
  operation?: string;
  /** Middleware that runs before the mounted router's own chain. */
  facts: ChainFacts;
  /** Middleware registered for paths under the mount only. */
  scoped: readonly { prefix: string; facts: ChainFacts }[];
  span: Span;
}

export interface NestSummary {
  globalGuards: ChainFacts | undefined;
  globalPrefix?: NestGlobalPrefix;
  middleware: readonly { facts: ChainFacts; targets: readonly NestRouteTarget[]; excludes: readonly NestRouteTarget[] }[];
}

export interface FileSummary {
  file: string;
  routes: readonly RouteSummary[];
  exports: readonly ExportSummary[];
  /** Modules this file re-exports whole (`export * from './guards'`). */
  starExports: readonly string[];
  mounts: readonly MountSummary[];
  /** A Next.js `middleware.ts`: what it runs and the paths its `config.matcher` selects. */
  nextMiddleware?: { facts: ChainFacts; matchers: readonly string[] };
  nest: NestSummary;
  /** What the file decorates server instances with, by decorator name (`fastify.decorate('authenticate', …)`). */
  decorations: readonly { name: string; facts: ChainFacts }[];
  /** Token strategies the file configures, which strategy markers anywhere in the project run. */
  strategies: readonly VerificationFact[];
  /** The authentication code the file configures a framework with, which that framework's markers anywhere run. */
  authenticators?: readonly { channel: string; facts: ChainFacts; span: Span }[];
  /** Default authentication the file sets on a server (`server.auth.default('jwt')`), for routes of other files. */
  defaultAuth?: ChainFacts;
  /** Folders of plugins the file registers through an autoloading plugin (`@fastify/autoload`). */
  autoloads?: readonly AutoloadFolder[];
  /** Tables the file's migrations create or alter, which query builders elsewhere name by table name. */
  tables?: readonly ModelSummary[];
}

type EslintSettings = Readonly<Record<string, unknown>>;

/** The summary of a parsed file; pure, and the same for the file being linted and for files read from disk. */
export function summarize(sourceCode: TSESLint.SourceCode, settings: EslintSettings | undefined, file: string): FileSummary {
  const fileFacts = getFileFacts(sourceCode, settings, file);
  const analysis = analyzeSourceCode(sourceCode, settings, file);
  const { model } = fileFacts;
  const routes = fileFacts.routes.map(({ route, facts }): RouteSummary => ({
    framework: route.framework,
    method: route.method,
    path: route.path,
    span: spanOf(route.node),
    anchor: spanOf(anchorOf(route.node)),
    facts,
    ranges: localRanges(route.chain),
    imported: route.chain.flatMap((link) => (link.imported ? [link.imported] : [])),
    mountedElsewhere: route.mountedElsewhere,
    ...(route.chain.some((link) => link.marksRoute) ? { marked: true } : {}),
    ...(route.exportedAs !== undefined ? { exportedAs: route.exportedAs } : {}),
    ...(route.controller !== undefined ? { controller: route.controller } : {}),
    ...(route.skipsGlobalGuards ? { skipsGlobalGuards: true } : {}),
    ...(route.usesDefaultAuth ? { usesDefaultAuth: true } : {}),
    ...(route.authOutsideCode ? { authOutsideCode: true } : {}),
    ...(route.operation !== undefined ? { operation: route.operation } : {}),
    ...(route.operationSchema ? { operationSchema: route.operationSchema } : {}),
  }));
  const routers = new Set([...model.routes.map((route) => route.exportedAs), ...model.externalMounts.map((mount) => mount.mountedOn)]);
  const fromLibraries = libraryResultExports(sourceCode, settings, file, analysis.settings.models);
  const exports = [...model.exports].filter(([name]) => !fromLibraries.some((entry) => entry.name === name)).map(([name, link]): ExportSummary => ({
    name,
    facts: fileFacts.chainFacts([link]),
    ranges: localRanges([link]),
    // A model built by what another file exports (`sequelize.define('User', {…})` with `sequelize` from `../db`)
    // is this file's model, not that file's export passed on.
    ...(link.imported && !builtModelOf(link) ? { reexport: link.imported } : {}),
    ...(routers.has(name) ? { router: true } : {}),
    ...returnsOf(name),
    ...paramsOf(name),
    ...modelOf(name, link),
    ...membersOf(name, model.exportMembers.get(name)),
    ...hookSkipsOf(link),
    ...pathListsOfLink(link),
    ...constantOf(link),
    ...sdlTypesOf(link),
  }));
  exports.push(...fromLibraries);
  const mounts = model.externalMounts.map((mount): MountSummary => ({
    ref: mount.ref,
    prefix: mount.prefix,
    ...(mount.mountedOn !== undefined ? { mountedOn: mount.mountedOn } : {}),
    ...(mount.uncertain ? { uncertain: true } : {}),
    ...(mount.operation !== undefined ? { operation: mount.operation } : {}),
    facts: fileFacts.chainFacts(mount.chain),
    scoped: mount.scoped.map((use) => ({ prefix: use.prefix, facts: fileFacts.chainFacts(use.links) })),
    span: spanOf(mount.node),
  }));
  const { globalGuards, middleware, globalPrefix } = model.nestAuth;
  return {
    file,
    routes,
    exports,
    starExports: model.starExports,
    mounts,
    ...(model.nextMiddleware ? { nextMiddleware: { facts: fileFacts.chainFacts(model.nextMiddleware.links), matchers: model.nextMiddleware.matchers } } : {}),
    strategies: strategyFacts(sourceCode, settings, file),
    ...(model.configuredAuthenticators.length > 0
      ? { authenticators: model.configuredAuthenticators.map(({ channel, link }) => ({ channel, facts: fileFacts.chainFacts([link]), span: spanOf(link.node) })) }
      : {}),
    ...(model.defaultAuth.length > 0 ? { defaultAuth: fileFacts.chainFacts(model.defaultAuth) } : {}),
    ...(model.autoloads.length > 0 ? { autoloads: model.autoloads } : {}),
    ...(analysis.migrationTables.length > 0 ? { tables: analysis.migrationTables } : {}),
    decorations: [...model.decorations].map(([name, link]) => ({ name, facts: fileFacts.chainFacts([link]) })),
    nest: {
      globalGuards: globalGuards.length > 0 ? fileFacts.chainFacts(globalGuards) : undefined,
      ...(globalPrefix ? { globalPrefix } : {}),
      middleware: middleware.map((applied) => ({ facts: fileFacts.chainFacts(applied.links), targets: applied.targets, excludes: applied.excludes })),
    },
  };

  function membersOf(name: string, members: ReadonlyMap<string, ChainLink> | undefined): Pick<ExportSummary, 'members'> {
    if (!members) return {};
    return {
      members: [...members].map(([member, link]) => ({
        name: member,
        facts: fileFacts.chainFacts([link]),
        ranges: localRanges([link]),
        ...returnsOf(`${name}.${member}`),
        ...paramsOf(`${name}.${member}`),
      })),
    };
  }

  function constantOf(link: ChainLink): Pick<ExportSummary, 'constant'> {
    const constant = link.imported ? undefined : portableConstantOf(sourceCode, link.node);
    return constant ? { constant } : {};
  }

  function sdlTypesOf(link: ChainLink): Pick<ExportSummary, 'sdlTypes'> {
    const types = link.imported ? undefined : schemaOperationTypes(sourceCode, link.node);
    return types && types.size > 0 ? { sdlTypes: Object.fromEntries(types) } : {};
  }

  function pathListsOfLink(link: ChainLink): Pick<ExportSummary, 'pathLists'> {
    const lists = link.imported ? undefined : pathListsOf({ sourceCode, filename: file }, link.node);
    return lists ? { pathLists: lists } : {};
  }

  function hookSkipsOf(link: ChainLink): Pick<ExportSummary, 'hookSkips'> {
    if (link.imported) return {};
    const tests = model.hookSkips.filter((hook) => link.ranges.some(([start, end]) => hook.start >= start && hook.start < end)).flatMap((hook) => hook.tests);
    return tests.length > 0 ? { hookSkips: tests } : {};
  }

  function paramsOf(name: string): { params?: ParamFacts } {
    const fn = model.exportFunctions.get(name);
    const params = fn && isFunctionNode(fn) ? analysis.paramFactsOf(fn) : undefined;
    return params ? { params } : {};
  }

  /** Models exported as such; imports of another file's model are that file's to describe. */
  function builtModelOf(link: ChainLink): ModelSummary | undefined {
    return unwrap(link.node).type === AST_NODE_TYPES.CallExpression ? analysis.modelOf(link.node) : undefined;
  }

  function modelOf(name: string, link: ChainLink): { model?: ModelSummary } {
    const found = link.imported ? builtModelOf(link) : analysis.modelOf(link.node);
    // A schema or table bound only by its export (`export const profileInput = z.object({…})`) takes that name.
    return found ? { model: found.name || name === 'default' ? found : { ...found, name } } : {};
  }

  /** Only the values worth carrying: claims, request values and placeholders; a function returning none says nothing. */
  function returnsOf(name: string): { returns?: readonly PortableValue[] } {
    const fn = model.exportFunctions.get(name);
    if (!fn || !isFunctionNode(fn)) return {};
    const returns = toPortable(analysis.returnsOf(fn), fn);
    return returns.length > 0 ? { returns } : {};
  }
}

/**
 * Exports of members of a library call's result (see call-result-exports.ts), with the facts the library's model
 * gives them: a session that authenticates the routes whose code requires it (a 401 on what `auth()` returned, a test
 * of `req.auth` in what `auth(handler)` wraps), verified claims as what it returns, and for a member that wraps
 * handlers, the verified session on the request the handler gets. Members no model describes are
 * recorded with no facts, which reads like any other library export: not the project's code to follow.
 */
function libraryResultExports(sourceCode: TSESLint.SourceCode, settings: EslintSettings | undefined, file: string, userModels: readonly LibraryModel[]): ExportSummary[] {
  const models = modelSetFor(userModels);
  const found = callResultExports(sourceCode, getCredentialFacts(sourceCode, settings, file).moduleBindings, (module) => models.hasResultMembers(module));
  return found.map((entry): ExportSummary => {
    const described = entry.member !== undefined ? models.resultMember(entry.module, entry.of, entry.member) : undefined;
    const callResult = { module: entry.module, of: entry.of, ...(entry.member !== undefined ? { member: entry.member } : {}) };
    const facts: ChainFacts = { schemes: [], verifications: [], decisions: [], unknown: [] };
    if (!described) return { name: entry.name, facts, ranges: [], callResult };
    const { library, model } = described;
    const verification: VerificationFact = {
      description: `${model.session ? `a ${library} session` : `${library} verification`} (${entry.callText}.${entry.member ?? ''}())`,
      span: entry.span,
      unpinned: model.session ? SESSION_UNPINNED : [],
      ...(model.session ? { sessionBased: true as const } : {}),
      // Calling the member hands back a session or nothing: it authenticates where the code requires one.
      contextual: true,
    };
    return {
      name: entry.name,
      facts: {
        ...facts,
        verifications: [verification],
        ...(model.wrapsHandler ? { writes: [{ prop: model.wrapsHandler.requestProperty, trust: 'verified' as const, context: true }] } : {}),
      },
      ranges: [],
      returns: portableResult(model.result),
      callResult,
    };
  });
}

/** What a member's call returns, as plain values: claims, or an object holding them. */
function portableResult(result: TokenResult): PortableValue[] {
  const kind = result.claims === 'unverified' ? 'unverified' : 'verified';
  if (!('members' in result)) return [kind === 'verified' && result.claims === 'verified' && result.session ? { kind, session: true } : { kind }];
  const props: Record<string, PortableValue[]> = {};
  for (const member of result.members) props[member] = [{ kind }];
  return [{ kind: 'object', props }];
}

function localRanges(chain: readonly ChainLink[]): Range[] {
  return chain.flatMap((link) => (link.imported ? [] : link.ranges));
}
