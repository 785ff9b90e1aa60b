/**
 * The project index: one per project root (and settings) per process. It lists the project's sources, keeps one
 * summary per file (from ESLint's own parse for a linted file, from a parse of the text otherwise), resolves
 * imports, and links routes across files: the app that mounts a router, the middleware a route imports, the
 * handler in a controller, Nest guards and module middleware, Next.js middleware. `eslint`, the `claimguard`
 * command and the language server all ask it, so they grade the same routes the same way.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { summarize, type ExportSummary, type FileSummary, type RouteSummary } from '../analysis/summary';
import type { PortableValue } from '../analysis/portable';
import { forgeableKeyOf, inFile, onRoute, skippedOn, usedUnderPrefix, STRATEGY_ELSEWHERE_UNPINNED, strategiesSelected, joinPrefix, mergeFacts, required, requiredHere, isGatedOnCaller, type CallFact, type ChainFacts, type DecisionFact, type UncheckedFact, type UnknownFact, type VerificationFact } from '../analysis/maturity';
import { modelSummary, parsePrismaModels, prismaDelegateName, type ModelSummary } from '../analysis/schemas';
import { remap, type ModelRef, type ParamAccess, type ParamComparison, type ParamFacts, type ParamRef, type ParamScope } from '../analysis/service-facts';
import { describeOrigin } from '../analysis/describe';
import { isClientChosen, uncheckedDescription, type CheckIfSet } from '../analysis/ownership';
import { constantAt, isWrittenString, type PortableConstant } from '../analysis/static-values';
import { isServerValue, requestPropOf, returnedWrites, writtenAt, type WrittenOrigin, type WrittenTrust } from '../analysis/request-writes';
import { VOCABULARY } from '../analysis/framework-models';
import { mentions } from '../util/mentions';
import { isTokenStrategyName } from '../analysis/names';
import { withSharedParts } from '../util/shared-parts';
import { joinPaths, nestTargetCovers, procedurePath, nextMatcherCovers, prefixCovers, type ImportRef, type Range } from '../analysis/routes';
import { DEFAULT_LIST_OPTIONS, listSourceFiles, type FileListing } from './files';
import { parseFile } from './parse';
import { skipsRoute, type ListReader, type PathList, type PathMatch } from '../analysis/path-skips';
import { forgetResolutionsIn, forgetResolvers, importedModuleNames, moduleNamesOf, projectRootOf, resolverFor } from './modules';

type EslintSettings = Readonly<Record<string, unknown>>;

/** A route with its whole chain: mounts, imported middleware and handlers resolved across files. */
export interface LinkedRoute {
  /** The file that registers the route. */
  file: string;
  route: RouteSummary;
  /** The path with the prefixes of the routers it is mounted under. */
  path: string;
  /** Every fact of the chain; facts from other files name their file (relative to the project root). */
  facts: ChainFacts;
  /** True when the route's router may be mounted where this index cannot see (a single file linted alone). */
  upstreamHidden: boolean;
  /** The code the chain runs, per file: a function's file knows which routes reach it. */
  reaches: readonly { file: string; ranges: readonly Range[] }[];
  /** What the chain's middleware leaves on the request, by property path, after the whole chain ran. */
  writes: ReadonlyMap<string, WrittenTrust>;
  /** Where the request input the chain writes came from, by property path (`role` → header 'x-role'). */
  writeOrigins: ReadonlyMap<string, WrittenOrigin>;
}

/** An access a service performs by a parameter, with its model resolved and the file it is in. */
export interface LinkedAccess extends ParamAccess {
  resolvedModel?: ModelSummary;
  /** The file of the access, relative to the project root. */
  file: string;
}

/** What an exported function does with its parameters, with the functions it hands them to followed across files. */
export interface LinkedServiceFacts extends Omit<ParamFacts, 'accesses'> {
  accesses: readonly LinkedAccess[];
}

/**
 * A file's summary as plain data, with the hash of the text it was made from (or why it has none): what a host that
 * summarizes files elsewhere (the command's worker threads) hands to the index that links them.
 */
export interface SummaryEntry {
  file: string;
  key: string;
  /**
   * Summaries read from disk or handed over by another index are kept as long as the index: they are stored with
   * their equal parts shared. The linted file's own, remade at each edit in the editor, is kept as made.
   */
  summary?: FileSummary;
  error?: string;
}

interface Entry {
  /** Hash of the text the summary was made from. */
  key: string;
  /** Size and modification time of the file when it was read from disk. */
  stat?: string;
  /** Made from ESLint's parse of the linted text: authoritative until the file is invalidated. */
  recorded?: boolean;
  /** The parse a recorded summary was made from, while ESLint still holds it. */
  source?: WeakRef<TSESLint.SourceCode>;
  summary?: FileSummary;
  error?: string;
}

interface MountContext {
  prefix: string;
  /** The operation type the mounted fields join, which names their routes (graphql-js fields spread into `Query`). */
  operation?: string;
  facts: ChainFacts;
  scoped: readonly { prefix: string; facts: ChainFacts }[];
  reaches: LinkedRoute['reaches'];
}

/** How many imports deep a chain is followed into other files; cycles stop earlier. */
const MAX_LINK_DEPTH = 8;
/** Text of a file that may create or alter a table through a schema builder. */
const MIGRATION_TEXT = /\b(createTable|createTableIfNotExists|alterTable)\s*\(|\bschema\s*\.\s*table\s*\(/;

/** Facts with the code they come from, per file. */
interface Linked {
  facts: ChainFacts;
  reaches: LinkedRoute['reaches'];
}

const ROOT_CONTEXT: MountContext = { prefix: '', facts: { schemes: [], verifications: [], decisions: [], unknown: [] }, scoped: [], reaches: [] };

/**
 * A route call by method: a path (quoted from `/`, `*` or `(`, a template, an array of paths, a regular expression)
 * and then another argument, or a route name then its path (koa-router). One-argument calls with a string
 * (`params.get('id')`, a test client's `.get('/users')`) and calls whose first string is no path
 * (`cookies.put('token', t)`) are not routes. The lengths are bounded so that no line is scanned twice.
 */
const ROUTE_CALL = /\.(?:get|post|put|patch|delete|del|all|options|head)\s*\(\s*(?:['"][/*(][^'"`\n]{0,300}['"]\s*,|`[^`\n]{0,300}`\s*,|\[\s*['"`/]|\/|['"][\w.:-]{1,100}['"]\s*,\s*['"`]\/)/;

/**
 * Files that register, mount or guard routes say so in their text: route calls with a path (above), `use`/`register`
 * mounts, Nest modules and controllers, global guards, auth strategies (`new JwtStrategy(…)`, hapi's
 * `server.auth.strategy(…)`), Next.js route handlers. A file that says none of it is
 * summarized only when a chain leads into it. Fixed patterns, matched once per file.
 */
const ROUTE_HINT =
  /\.(?:use|route|register|mount)\s*\(|@(?:Controller|Module)\s*\(|forRoutes|APP_GUARD|useGlobalGuards|setGlobalPrefix|createServer|\.decorate(?:Request)?\s*\(|[Ss]trategy\s*\(|JwtModule|@fastify\/jwt|export\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|export\s+const\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/;

export class ProjectIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly overlays = new Map<string, string>();
  private listing: FileListing | undefined;
  private table: LinkedRoute[] | undefined;
  /** The files whose summaries the table was linked from. */
  private tableFiles = new Set<string>();
  private readonly summarizing = new Set<string>();

  /**
   * @param root the project folder
   * @param settings ESLint's shared settings the summaries are made with
   * @param solo true for a file that exists only in memory (a test case, stdin): nothing else is read from disk
   */
  constructor(
    readonly root: string,
    private readonly settings: EslintSettings | undefined,
    readonly solo: boolean,
  ) {
  }

  /** The summary of the file being linted, from ESLint's own parse; replaces what was read from disk. */
  record(file: string, sourceCode: TSESLint.SourceCode): FileSummary {
    const existing = this.entries.get(file);
    // Every rule asks on every function it looks at; hashing the text each time would cost more than the answer.
    if (existing?.recorded && existing.summary && existing.source?.deref() === sourceCode) return existing.summary;
    const key = hashOf(sourceCode.text);
    if (existing?.key === key && existing.summary) {
      existing.recorded = true;
      existing.source = new WeakRef(sourceCode);
      return existing.summary;
    }
    this.summarizing.add(file);
    let summary: FileSummary;
    try {
      summary = summarize(sourceCode, this.settings, file);
    } finally {
      this.summarizing.delete(file);
    }
    this.entries.set(file, { key, recorded: true, summary, source: new WeakRef(sourceCode) });
    this.serviceFacts.clear();
    this.callers.clear();
    // Linking again is needed only when the table used another version of this file, or missed its routes.
    if (this.tableFiles.has(file) || hasRouting(summary)) this.table = undefined;
    return summary;
  }

  /**
   * A summary this index did not compute, as another index's `entryOf` gave it; it stands for the file as a
   * recorded one does, until the file is invalidated.
   */
  accept(entry: SummaryEntry): void {
    const existing = this.entries.get(entry.file);
    if (existing?.key === entry.key && (existing.summary !== undefined || existing.error !== undefined)) {
      existing.recorded = true;
      return;
    }
    this.entries.set(entry.file, { key: entry.key, recorded: true, ...(entry.summary ? { summary: withSharedParts(entry.summary) } : {}), ...(entry.error !== undefined ? { error: entry.error } : {}) });
    this.table = undefined;
  }

  /** The file's summary (read and summarized now if need be) as plain data for `accept`; undefined when unreadable. */
  entryOf(file: string): SummaryEntry | undefined {
    this.summaryOf(file);
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    return { file, key: entry.key, ...(entry.summary ? { summary: entry.summary } : {}), ...(entry.error !== undefined ? { error: entry.error } : {}) };
  }

  /** Unsaved text of an open document (undefined drops it): it replaces the file's text on disk. */
  overlay(file: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
    this.invalidate(file);
  }

  /** A file changed, appeared or disappeared on disk. */
  invalidate(file: string): void {
    this.entries.delete(file);
    this.table = undefined;
    this.serviceFacts.clear();
    this.callers.clear();
    this.importers = undefined;
    if (path.extname(file) === '.prisma') this.prismaModels = undefined;
    this.migrationTables = undefined;
    if (!fs.existsSync(file) || !this.listing?.files.includes(file)) {
      this.listing = undefined;
      forgetResolutionsIn(this.root);
    }
  }

  /** Routes registered in `file`, linked across the project. A file that registers none needs no linking. */
  routesIn(file: string): LinkedRoute[] {
    const own = this.entries.get(file);
    if (own?.recorded && own.summary?.routes.length === 0) return [];
    return this.tableIndex().registeredIn.get(file) ?? [];
  }

  /** Routes whose chains run code of `file` (its handlers, middleware or helpers), wherever they are registered. */
  routesReaching(file: string): LinkedRoute[] {
    return this.reachesOf(file).map((reach) => reach.route);
  }

  private reachesOf(file: string): readonly { route: LinkedRoute; ranges: readonly Range[] }[] {
    return this.tableIndex().reaching.get(file) ?? [];
  }

  /**
   * The linked routes by the file that registers them and by each file whose code they run (with the ranges
   * they run), built once per linked table: every function of every file asks, and a large project has tens of
   * thousands of routes.
   */
  private tableIndex(): TableIndex {
    const table = this.routes();
    if (this.indexedTable?.table === table) return this.indexedTable;
    const indexed: TableIndex = { table, registeredIn: new Map(), reaching: new Map() };
    const append = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const route of table) {
      append(indexed.registeredIn, route.file, route);
      const ranges = new Map<string, Range[]>();
      for (const reach of route.reaches) for (const range of reach.ranges) append(ranges, reach.file, range);
      for (const reach of route.reaches) if (!ranges.has(reach.file)) ranges.set(reach.file, []);
      for (const [reached, own] of ranges) append(indexed.reaching, reached, { route, ranges: own });
    }
    this.indexedTable = indexed;
    return indexed;
  }

  private indexedTable: TableIndex | undefined;

  /**
   * Files whose results may change when `file` changes: the files that register routes reaching its code, and
   * the files whose code the routes it registers reach. The language server re-validates the open ones.
   */
  dependentsOf(file: string): string[] {
    const dependents = new Set<string>();
    const reaching = new Set(this.routesReaching(file));
    for (const route of [...reaching, ...this.routesIn(file)]) {
      if (reaching.has(route)) dependents.add(route.file);
      for (const reach of route.reaches) dependents.add(reach.file);
    }
    dependents.delete(file);
    return [...dependents].sort();
  }

  /**
   * What every route that runs the code at `offset` of `file` leaves on the request before it, as far as all of
   * them agree (a property only some routes set is not known to be set); undefined when no route reaches it.
   */
  writesAt(file: string, offset: number): ReadonlyMap<string, WrittenTrust> | undefined {
    return this.agreedAt(file, offset, (route) => route.writes, (kept, other) => (TRUST_ORDER.indexOf(other) < TRUST_ORDER.indexOf(kept) ? other : kept));
  }

  /** Where the request input that every route reaching `offset` writes came from, when they agree. */
  writeOriginsAt(file: string, offset: number): ReadonlyMap<string, WrittenOrigin> | undefined {
    return this.agreedAt(file, offset, (route) => route.writeOrigins, (kept, other) => (other.source === kept.source && other.name === kept.name ? kept : undefined));
  }

  /** The entries every route reaching `offset` has, each as `combine` settles two routes' values (undefined drops it). */
  private agreedAt<T>(file: string, offset: number, entries: (route: LinkedRoute) => ReadonlyMap<string, T>, combine: (kept: T, other: T) => T | undefined): ReadonlyMap<string, T> | undefined {
    const reaching = this.routesAt(file, offset);
    if (reaching.length === 0) return undefined;
    const agreed = new Map(entries(reaching[0]!));
    for (const route of reaching.slice(1)) {
      for (const [prop, kept] of agreed) {
        const other = entries(route).get(prop);
        const settled = other === undefined ? undefined : combine(kept, other);
        if (settled === undefined) agreed.delete(prop);
        else agreed.set(prop, settled);
      }
    }
    return agreed;
  }

  /** The routes whose chains run the code at `offset` of `file`. */
  routesAt(file: string, offset: number): LinkedRoute[] {
    return this.reachesOf(file).filter(({ ranges }) => ranges.some(([start, end]) => start <= offset && offset < end)).map(({ route }) => route);
  }

  /** The model, schema or DTO an import names (`require('../models/User')`, `import { Member } from '@/models'`). */
  modelOf(fromFile: string, ref: ImportRef): ModelSummary | undefined {
    const target = this.exportOf(fromFile, ref);
    return target === 'package' || 'missing' in target ? undefined : target.export.model;
  }

  /**
   * True when an import names a function of the project whose summary the index has: its facts can be followed.
   * A method of an imported model (`User.create`) is the model's library at work, not the project's code.
   */
  follows(fromFile: string, ref: ImportRef): boolean {
    const target = this.exportOf(fromFile, ref);
    if (target === 'package' || 'missing' in target || target.export.model) return false;
    if (!ref.path || ref.path.length === 0) return true;
    // `db.user.update()` on an exported client, `User.create()` on a model: a method of a value, not a function of the project.
    const base = this.exportOf(fromFile, { source: ref.source, name: ref.name });
    return !(base !== 'package' && !('missing' in base) && base.file === target.file && base.name === target.name);
  }

  private prismaModels: Map<string, ModelSummary> | undefined;

  /** The model of the project's Prisma schema that the client property `delegate` (`prisma.invoice`) stands for. */
  prismaModel(delegate: string): ModelSummary | undefined {
    if (this.solo) return undefined;
    if (!this.prismaModels) {
      this.prismaModels = new Map();
      for (const file of prismaSchemaFiles(this.root)) {
        const text = this.textOf(file);
        for (const model of text === undefined ? [] : parsePrismaModels(text)) this.prismaModels.set(prismaDelegateName(model.name), model);
      }
    }
    return this.prismaModels.get(delegate);
  }

  private migrationTables: Map<string, ModelSummary> | undefined;

  /**
   * The table a migration of the project creates or alters (`knex.schema.createTable('invoices', …)`), its columns
   * merged over every migration; only files whose text names a schema builder's table method are parsed for it.
   */
  tableModel(table: string): ModelSummary | undefined {
    if (this.solo) return undefined;
    if (!this.migrationTables) {
      const columns = new Map<string, string[]>();
      this.listing ??= listSourceFiles(this.root, DEFAULT_LIST_OPTIONS);
      for (const file of this.listing.files) {
        const text = this.textOf(file);
        if (text === undefined || !MIGRATION_TEXT.test(text)) continue;
        for (const model of this.summaryOf(file)?.tables ?? []) columns.set(model.name, [...(columns.get(model.name) ?? []), ...model.fields]);
      }
      this.migrationTables = new Map([...columns].map(([name, fields]) => [name, modelSummary(name, 'table', fields)]));
    }
    return this.migrationTables.get(table);
  }

  private readonly serviceFacts = new Map<string, LinkedServiceFacts | null>();

  /**
   * What the function an import names does with its parameters (the records it reads, changes or deletes by them,
   * the owner filters they feed), with the calls it hands its parameters to followed into their files.
   */
  serviceFactsOf(fromFile: string, ref: ImportRef, depth = 0): LinkedServiceFacts | undefined {
    const target = this.exportOf(fromFile, ref);
    if (target === 'package' || 'missing' in target || !target.export.params) return undefined;
    const key = `${target.file}#${target.name}`;
    if (this.serviceFacts.has(key)) return this.serviceFacts.get(key) ?? undefined;
    // A cycle of services calling each other meets its own key and stops.
    this.serviceFacts.set(key, null);
    const own = target.export.params;
    const accesses: LinkedAccess[] = own.accesses.map((access) => this.linkAccess(target.file, access));
    const scopes: ParamScope[] = own.scopes.map((scope) => ({ ...scope, file: this.display(target.file) }));
    const compared: ParamComparison[] = own.compared.map((comparison) => ({ ...comparison, file: this.display(target.file) }));
    for (const forward of own.forwards) {
      const inner = depth < MAX_LINK_DEPTH ? this.serviceFactsOf(target.file, forward.ref, depth + 1) : undefined;
      if (!inner) continue;
      const mapped = remap(inner, forward.args);
      accesses.push(...mapped.accesses);
      scopes.push(...mapped.scopes);
      compared.push(...mapped.compared);
    }
    const facts: LinkedServiceFacts = { accesses, scopes, compared, forwards: own.forwards };
    this.serviceFacts.set(key, facts);
    return facts;
  }

  /** The function an import names reads, changes or deletes records by its parameters: its facts judge calls of it. */
  readsRecords(fromFile: string, ref: ImportRef): boolean {
    return (this.serviceFactsOf(fromFile, ref)?.accesses.length ?? 0) > 0;
  }

  private linkAccess(file: string, access: ParamAccess): LinkedAccess {
    const resolvedModel = access.model ? this.resolveModel(file, access.model) : undefined;
    return { ...access, file: this.display(file), ...(resolvedModel ? { resolvedModel } : {}) };
  }

  private resolveModel(file: string, model: ModelRef): ModelSummary | undefined {
    if ('local' in model) return model.local;
    if ('prisma' in model) return this.prismaModel(model.prisma);
    if ('table' in model) return this.tableModel(model.table);
    return this.modelOf(file, model.ref);
  }

  private readonly callers = new Map<string, readonly (readonly (readonly PortableValue[])[])[]>();
  /** The project's files by the names they import modules by (see `importedModuleNames`). */
  private importers: Map<string, string[]> | undefined;

  /**
   * What the project's code passes, call by call, to the function `file` exports as `exportName` (`UsersService.
   * updateProfile`): the arguments of every call of it in a file that imports it. The files are found from the
   * project's text, not from what has been linted so far, so that the answer does not depend on lint order.
   */
  callerArguments(file: string, exportName: string): readonly (readonly (readonly PortableValue[])[])[] {
    const key = `${file}#${exportName}`;
    let found = this.callers.get(key);
    if (!found) {
      const args: (readonly (readonly PortableValue[])[])[] = [];
      for (const caller of this.importersOf(file)) {
        const summary = this.summaryOf(caller);
        for (const call of summary ? callsOf(summary) : []) {
          if (!call.args) continue;
          const target = this.exportOf(caller, call);
          if (target !== 'package' && !('missing' in target) && target.file === file && target.name === exportName) args.push(call.args);
        }
      }
      found = args;
      this.callers.set(key, found);
    }
    return found;
  }

  /** The files that may import `file`: each imports a module by one of the names `file` can be imported by. */
  private importersOf(file: string): string[] {
    if (this.solo) return [...this.entries.keys()];
    if (!this.importers) {
      this.importers = new Map();
      this.listing ??= listSourceFiles(this.root, DEFAULT_LIST_OPTIONS);
      for (const source of this.listing.files) {
        const text = this.textOf(source);
        for (const name of text === undefined ? [] : importedModuleNames(text)) this.importers.set(name, [...(this.importers.get(name) ?? []), source]);
      }
    }
    return [...new Set(moduleNamesOf(file).flatMap((name) => this.importers!.get(name) ?? []))];
  }

  /**
   * The owner filters a service applies to what this call passes (`listFor(req.user.id)` with `find({ where: { userId } })`),
   * as decisions of the route: verified when the call passes a verified claim, untrusted when it passes request input.
   */
  scopeDecisions(fromFile: string, call: CallFact): DecisionFact[] {
    const facts = call.args ? this.serviceFactsOf(fromFile, call) : undefined;
    const target = this.exportOf(fromFile, call);
    if (!facts || target === 'package' || 'missing' in target) return [];
    const decisions: DecisionFact[] = [];
    // `if (invoice.userId !== callerId) throw …` in the service, with the verified subject passed as `callerId`.
    for (const comparison of facts.compared) {
      const value = argumentAt(call.args!, { index: comparison.param, path: [] });
      if (value?.kind !== 'verified') continue;
      const claim = value.name ? { claim: value.name } : {};
      decisions.push({ trust: 'verified', description: `owner compared with verified claim${value.name ? ` '${value.name}'` : 's'} in ${target.name}()`, span: comparison.span, file: comparison.file ?? this.display(target.file), scope: true, ...claim });
    }
    for (const scope of facts.scopes) {
      const value = argumentAt(call.args!, scope.param);
      if (!value) continue;
      const where = { span: scope.span, file: scope.file ?? this.display(target.file), scope: true as const };
      if (value.kind === 'verified') decisions.push({ trust: 'verified', description: `data scoped by ${scope.key} = verified claim${value.name ? ` '${value.name}'` : 's'} in ${target.name}()`, ...(value.name ? { claim: value.name } : {}), ...where });
      else if (value.kind === 'untrusted' && !value.container) {
        const prop = requestPropOf(value.source, value.name);
        decisions.push({ trust: 'untrusted', description: `${scope.key} from ${describeOrigin(value.source, value.name)} in ${target.name}()`, ...where, ...(prop ? { prop } : {}) });
      }
      else if (value.kind === 'unverified') decisions.push({ trust: 'unverified', description: `${scope.key} from an unverified token's claims in ${target.name}()`, ...where });
    }
    return [...decisions, ...uncheckedServiceAccesses(call, facts, target.name)];
  }

  /** Every route of the project, linked. */
  routes(): LinkedRoute[] {
    if (!this.table) {
      const linker = new Linker(this);
      this.table = linker.link(this.candidates());
      this.tableFiles = linker.filesRead;
    }
    return this.table;
  }

  /** Files whose text says they register, mount or guard routes, plus every recorded file that does. */
  private candidates(): string[] {
    const files = new Set<string>();
    for (const [file, entry] of this.entries) if (entry.summary && hasRouting(entry.summary)) files.add(file);
    if (this.solo) return [...files];
    this.listing ??= listSourceFiles(this.root, DEFAULT_LIST_OPTIONS);
    for (const file of this.listing.files) {
      if (files.has(file)) continue;
      const text = this.textOf(file);
      if (text !== undefined && mayRoute(file, text)) files.add(file);
    }
    return [...files].sort();
  }

  /** The summary of any file of the project; undefined when it cannot be read or parsed (its facts are unknown). */
  summaryOf(file: string, reader?: Set<string>): FileSummary | undefined {
    reader?.add(file);
    const entry = this.entries.get(file);
    if (this.solo || entry?.recorded) return entry?.summary;
    const overlay = this.overlays.get(file);
    const stat = overlay === undefined ? statKey(file) : undefined;
    if (entry && stat !== undefined && entry.stat === stat) return entry.summary;
    const text = overlay ?? this.textOf(file);
    if (text === undefined) return undefined;
    const key = hashOf(text);
    if (entry?.key === key) {
      entry.stat = stat;
      return entry.summary;
    }
    // A summary that, while being made, asks for itself (a cycle of imports) sees no summary rather than looping.
    if (this.summarizing.has(file)) return undefined;
    this.summarizing.add(file);
    try {
      const parsed = parseFile(file, text);
      const fresh: Entry = 'error' in parsed ? { key, stat, error: parsed.error } : { key, stat, summary: withSharedParts(summarize(parsed.sourceCode, this.settings, file)) };
      this.entries.set(file, fresh);
      return fresh.summary;
    } finally {
      this.summarizing.delete(file);
    }
  }

  /**
   * The file and export an import names, through re-exports and `export *`; 'package' for a dependency. Members
   * read below a default import (`const users = require('./users'); users.list`) name the export `list` when the
   * module exports an object of functions.
   */
  exportOf(fromFile: string, ref: ImportRef, hops = 0, reader?: Set<string>): { file: string; name: string; export: ExportSummary } | { missing: string } | 'package' {
    if (hops > MAX_LINK_DEPTH) return { missing: `re-exports more than ${MAX_LINK_DEPTH} files deep` };
    const resolution = this.resolve(fromFile, ref.source);
    if (resolution.kind === 'package') return 'package';
    if (resolution.kind === 'outside') return { missing: 'is outside the project folder' };
    if (resolution.kind !== 'file') return { missing: 'does not resolve to a source file of the project' };
    const summary = this.summaryOf(resolution.file, reader);
    if (!summary) return { missing: `could not be analysed (${this.display(resolution.file)}: ${this.failureOf(resolution.file) ?? 'unreadable'})` };
    const [member, ...rest] = ref.path ?? [];
    const byName = (name: string) => summary.exports.find((candidate) => candidate.name === name);
    let found = byName(ref.name);
    let path = ref.path;
    if (!found && (ref.name === 'default' || ref.name === '*') && member !== undefined) {
      found = byName(member);
      path = rest;
    }
    if (found?.reexport) {
      const next = found.reexport;
      return this.exportOf(summary.file, { ...next, path: [...(next.path ?? []), ...(path ?? [])] }, hops + 1, reader);
    }
    if (found) {
      // `service.method` runs the method's own code, not every method of the class.
      const names = path?.[0] !== undefined ? [path[0], ...(ref.memberAlternatives ?? [])] : [];
      const member = names.map((name) => found!.members?.find((candidate) => candidate.name === name)).find((candidate) => candidate !== undefined);
      if (member) return { file: summary.file, name: `${found.name}.${member.name}`, export: { ...member, name: `${found.name}.${member.name}` } };
      return { file: summary.file, name: found.name, export: found };
    }
    for (const source of summary.starExports) {
      const target = this.exportOf(summary.file, { ...ref, source }, hops + 1, reader);
      if (target !== 'package' && !('missing' in target)) return target;
    }
    return { missing: `has no export '${ref.name}' that ClaimGuard can follow` };
  }

  /**
   * The string constant an import names (`config.jwtSecret` of `import { config } from './config'`), with the file
   * that writes it; undefined when it is not a constant that file's summary knows.
   */
  constantOf(fromFile: string, ref: ImportRef, reader?: Set<string>): { constant: PortableConstant; file: string } | undefined {
    const [member, ...rest] = ref.path ?? [];
    const attempts: { ref: ImportRef; path: readonly string[] }[] = [{ ref: { source: ref.source, name: ref.name }, path: ref.path ?? [] }];
    // `const config = require('./config'); config.secret`: a module exporting an object exports its members by name.
    if ((ref.name === 'default' || ref.name === '*') && member !== undefined) attempts.push({ ref: { source: ref.source, name: member }, path: rest });
    for (const attempt of attempts) {
      const target = this.exportOf(fromFile, attempt.ref, 0, reader);
      if (target === 'package' || 'missing' in target) continue;
      const constant = constantAt(target.export.constant, attempt.path);
      if (constant) return { constant, file: target.file };
    }
    return undefined;
  }

  /** What the function an import names returns, as its file's summary says; undefined when unknown. */
  returnsOf(fromFile: string, ref: ImportRef): readonly PortableValue[] | undefined {
    const target = this.exportOf(fromFile, ref);
    return target === 'package' || 'missing' in target ? undefined : target.export.returns;
  }

  /** Why a file has no summary, for "unknown" reasons. */
  failureOf(file: string): string | undefined {
    return this.entries.get(file)?.error;
  }

  resolve(fromFile: string, specifier: string) {
    // The resolver is the one route discovery uses for this root; a file alone never needs one.
    return this.solo ? ({ kind: 'unresolved', specifier } as const) : resolverFor(this.root).resolve(fromFile, specifier);
  }

  /** A path as reasons show it: relative to the project root. */
  display(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/') || path.basename(file);
  }

  private textOf(file: string): string | undefined {
    const overlay = this.overlays.get(file);
    if (overlay !== undefined) return overlay;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > DEFAULT_LIST_OPTIONS.maxFileBytes) return undefined;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
}

interface TableIndex {
  table: LinkedRoute[];
  registeredIn: Map<string, LinkedRoute[]>;
  reaching: Map<string, { route: LinkedRoute; ranges: readonly Range[] }[]>;
}

/** What every route's chain is linked with: the routing files, where routers are mounted, Next.js middleware. */
interface ProjectRouting {
  summaries: readonly FileSummary[];
  /** Folders an autoloading plugin registers, as absolute paths. */
  autoloads: readonly LoadedFolder[];
  mounts: ReadonlyMap<string, MountContext[]>;
  nextMiddleware: readonly { matchers: readonly string[]; facts: ChainFacts; reaches: LinkedRoute['reaches'] }[];
}

interface LoadedFolder {
  root: string;
  hooksFile?: string;
  cascade: boolean;
}

/** One pass that links every candidate file's routes; memoizes export lookups so each is followed once. */
class Linker {
  private readonly exportCache = new Map<string, Linked | { missing: string }>();
  readonly filesRead = new Set<string>();

  constructor(private readonly index: ProjectIndex) {}

  private summaryOf(file: string): FileSummary | undefined {
    this.filesRead.add(file);
    return this.index.summaryOf(file);
  }

  /** Strategies configured anywhere in the project, for strategy markers whose file configures none. */
  private strategies: readonly VerificationFact[] = [];
  /** The authentication code decorated-controller frameworks are configured with, by framework. */
  private authenticators: ReadonlyMap<string, readonly { file: string; facts: ChainFacts }[]> = new Map();
  private readonly configuredCache = new Map<string, Linked | undefined>();
  /** Server and request decorators registered anywhere in the project, by name (fastify-plugin shares them with the whole app). */
  private decorations = new Map<string, { file: string; name: string; facts: ChainFacts }[]>();

  link(candidates: readonly string[]): LinkedRoute[] {
    const summaries = this.summariesWithMounted(candidates);
    this.strategies = summaries.flatMap((summary) => summary.strategies.map((strategy) => ({ ...strategy, file: this.index.display(summary.file) })));
    this.authenticators = configuredAuthenticators(summaries);
    for (const summary of summaries) {
      for (const decoration of summary.decorations) {
        const named = this.decorations.get(decoration.name) ?? [];
        named.push({ ...decoration, file: summary.file });
        this.decorations.set(decoration.name, named);
      }
    }
    const mounts = this.mountsByTarget(summaries);
    const autoloads = summaries.flatMap((summary) => (summary.autoloads ?? []).map((folder) => ({ ...folder, root: path.resolve(path.dirname(summary.file), folder.dir) })));
    const nextMiddleware = summaries.flatMap((summary) =>
      summary.nextMiddleware ? [{ matchers: summary.nextMiddleware.matchers, ...this.resolved(summary.file, summary.nextMiddleware.facts, [], 0) }] : [],
    );
    const routes: LinkedRoute[] = [];
    for (const summary of summaries) {
      for (const route of summary.routes) routes.push(...this.linkRoute(summary, this.typedOperation(summary.file, route), { summaries, autoloads, mounts, nextMiddleware }));
    }
    return routes;
  }

  /** A root-value field served with a schema another file builds from SDL, named by the type that SDL gives it (`Query.invoice`). */
  private typedOperation(file: string, route: RouteSummary): RouteSummary {
    if (!route.operationSchema || route.operation === undefined) return route;
    const schema = this.index.exportOf(file, route.operationSchema, 0, this.filesRead);
    const type = schema !== 'package' && !('missing' in schema) ? schema.export.sdlTypes?.[route.operation] : undefined;
    return type !== undefined ? { ...route, operation: `${type}.${route.operation}` } : route;
  }

  /**
   * The candidates' summaries, and those of the files they mount: a mounted file the text pre-filter passed over
   * (a route table of plain objects, `[{ method: 'GET', url, handler }]`) holds routes too.
   */
  private summariesWithMounted(candidates: readonly string[]): FileSummary[] {
    const queued = new Set(candidates);
    const pending = [...candidates];
    const summaries: FileSummary[] = [];
    for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
      const summary = this.summaryOf(file);
      if (!summary) continue;
      summaries.push(summary);
      for (const mount of summary.mounts) {
        const target = this.index.exportOf(file, mount.ref, 0, this.filesRead);
        if (target === 'package' || 'missing' in target || queued.has(target.file)) continue;
        queued.add(target.file);
        pending.push(target.file);
      }
    }
    return summaries;
  }

  private linkRoute(summary: FileSummary, route: RouteSummary, project: ProjectRouting): LinkedRoute[] {
    return this.chainsOf(summary, route, project).map((linked) => {
      // Middleware that lets this route's path through establishes nothing on it.
      const { facts, writes, writeOrigins } = settleWrites(onRoute(linked.facts, route.method, linked.path, route.path, this.readList));
      // A guard's decision that needs the route's metadata (`@Roles`) decides nothing on a route without it.
      const decided = route.marked ? facts : { ...facts, decisions: facts.decisions.filter((decision) => !decision.whereMarked) };
      return { ...linked, facts: withoutCheckedIds(decided), writes, writeOrigins };
    });
  }

  private chainsOf(summary: FileSummary, route: RouteSummary, { summaries, autoloads, mounts, nextMiddleware }: ProjectRouting): Omit<LinkedRoute, 'writes' | 'writeOrigins'>[] {
    const resolvedOwn = this.resolved(summary.file, route.facts, [{ file: summary.file, ranges: route.ranges }], 0, true);
    // hapi: a route that takes the default authentication gets what the project's servers set (`server.auth.default()`).
    const defaults = route.usesDefaultAuth ? summaries.flatMap((other) => (other.defaultAuth ? [this.resolved(other.file, other.defaultAuth, [], 0)] : [])) : [];
    const own = defaults.length > 0 ? { facts: mergeFacts(...defaults.map((part) => part.facts), resolvedOwn.facts), reaches: [...resolvedOwn.reaches, ...defaults.flatMap((part) => part.reaches)] } : resolvedOwn;
    // Alone, a file cannot know who mounts its router; a platform that authenticates outside the code is never seen.
    const base = { file: summary.file, route, upstreamHidden: (this.index.solo && route.mountedElsewhere) || route.authOutsideCode === true };
    if (route.framework === 'nest') {
      const upstream = this.nestUpstream(route, summaries);
      // The global prefix moves controller routes, not the GraphQL endpoint resolvers are operations of.
      return [{ ...base, path: route.operation !== undefined ? route.path : nestPath(route.path, summaries), facts: mergeFacts(...upstream.map((part) => part.facts), own.facts), reaches: [...own.reaches, ...upstream.flatMap((part) => part.reaches)] }];
    }
    if (route.framework === 'next') {
      const applying = nextMiddleware.filter((middleware) => middleware.matchers.some((matcher) => nextMatcherCovers(matcher, route.path)));
      return [{ ...base, path: route.path, facts: mergeFacts(...applying.map((part) => part.facts), own.facts), reaches: [...own.reaches, ...applying.flatMap((part) => part.reaches)] }];
    }
    const mounted = route.exportedAs !== undefined ? (mounts.get(`${summary.file}#${route.exportedAs}`) ?? []) : [];
    const contexts = mounted.length === 0 && route.exportedAs === 'default' ? this.autoloadContexts(summary.file, route, autoloads) : mounted;
    // Procedure routes name their router keys as dotted segments, joined once the whole path is known.
    const clientPath = (path: string) => (route.framework === PROCEDURE_FRAMEWORK ? procedurePath(path) : path);
    if (contexts.length === 0) return [{ ...base, path: clientPath(route.path), facts: own.facts, reaches: own.reaches }];
    return contexts.map((mount) => {
      const path = clientPath(joinPrefix(mount.prefix, route.path));
      const scoped = mount.scoped.filter((use) => prefixCovers(use.prefix, path)).map((use) => use.facts);
      const named = mount.operation !== undefined && route.operation !== undefined && !route.operation.includes('.') ? { route: { ...route, operation: `${mount.operation}.${route.operation}` } } : {};
      return { ...base, ...named, path, facts: mergeFacts(mount.facts, ...scoped, own.facts), reaches: [...mount.reaches, ...own.reaches] };
    });
  }

  /**
   * Where each exported router is mounted: the prefixes and middleware of every mount, outermost first. A router
   * mounted on a router that is itself mounted elsewhere (`app.use('/v1', api)`, `api.use('/users', users)`)
   * inherits that mount's prefix and chain; a cycle of mounts stops where it started.
   */
  private mountsByTarget(summaries: readonly FileSummary[]): Map<string, MountContext[]> {
    const direct = new Map<string, { file: string; mount: FileSummary['mounts'][number] }[]>();
    for (const summary of summaries) {
      for (const mount of summary.mounts) {
        const target = this.index.exportOf(summary.file, mount.ref, 0, this.filesRead);
        if (target === 'package' || 'missing' in target || (mount.uncertain && !target.export.router)) continue;
        const key = `${target.file}#${target.name}`;
        direct.set(key, [...(direct.get(key) ?? []), { file: summary.file, mount }]);
      }
    }
    const contexts = new Map<string, MountContext[]>();
    const contextsOf = (key: string, visiting: Set<string>): MountContext[] => {
      const known = contexts.get(key);
      if (known) return known;
      if (visiting.has(key)) return [];
      visiting.add(key);
      const result: MountContext[] = [];
      for (const { file, mount } of direct.get(key) ?? []) {
        const chain = this.resolved(file, mount.facts, [], 0);
        const scoped = mount.scoped.map((use) => ({ prefix: use.prefix, facts: this.resolved(file, use.facts, [], 0).facts }));
        const outer = mount.mountedOn !== undefined ? contextsOf(`${file}#${mount.mountedOn}`, visiting) : [];
        for (const parent of outer.length > 0 ? outer : [ROOT_CONTEXT]) {
          const operation = mount.operation ?? parent.operation;
          result.push({
            ...(operation !== undefined ? { operation } : {}),
            prefix: joinPrefix(parent.prefix, mount.prefix),
            facts: mergeFacts(parent.facts, chain.facts),
            scoped: [...parent.scoped, ...scoped.map((use) => ({ ...use, prefix: joinPrefix(parent.prefix, use.prefix) }))],
            reaches: [...parent.reaches, ...chain.reaches],
          });
        }
      }
      visiting.delete(key);
      contexts.set(key, result);
      return result;
    };
    for (const key of direct.keys()) contextsOf(key, new Set());
    return contexts;
  }

  /**
   * A plugin file under a folder an autoloading plugin registers: its routes take the file's subfolder as their prefix,
   * and with hooks on, the hooks file of its folder (and, cascading, of every folder above it) runs first.
   */
  private autoloadContexts(file: string, route: RouteSummary, autoloads: readonly LoadedFolder[]): MountContext[] {
    const contexts: MountContext[] = [];
    for (const folder of autoloads) {
      const relative = path.relative(folder.root, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const segments = path.dirname(relative).split(path.sep).filter((segment) => segment !== '.' && segment !== '');
      if (folder.hooksFile !== undefined && path.basename(file, path.extname(file)) === folder.hooksFile) continue;
      const hookFolders = folder.hooksFile === undefined ? [] : folder.cascade ? segments.map((_, i) => segments.slice(0, i)).concat([segments]) : [segments];
      const prefix = segments.length > 0 ? `/${segments.join('/')}` : '';
      const fullPath = joinPrefix(prefix, route.path);
      const hooks = hookFolders.flatMap((below) => {
        const ref = { source: `./${path.relative(path.dirname(file), path.join(folder.root, ...below, folder.hooksFile!)).split(path.sep).join('/')}`, name: 'default' };
        // A hooks file that returns early for this route's URL does not run its checks on it.
        const exempt = this.index.exportOf(file, ref, 0, this.filesRead);
        if (exempt !== 'package' && !('missing' in exempt) && skipsRoute(exempt.export.hookSkips ?? [], route.method, fullPath, route.path, this.readList)) return [];
        const target = this.exportFactsOf(file, ref, 0);
        return target === 'package' || 'missing' in target ? [] : [target];
      });
      contexts.push({
        prefix,
        facts: mergeFacts(ROOT_CONTEXT.facts, ...hooks.map((hook) => hook.facts)),
        scoped: [],
        reaches: hooks.flatMap((hook) => hook.reaches),
      });
    }
    return contexts;
  }

  /** What a NestJS application runs before a controller route: global guards and the module middleware it selects. */
  private nestUpstream(route: RouteSummary, summaries: readonly FileSummary[]): { facts: ChainFacts; reaches: LinkedRoute['reaches'] }[] {
    const upstream: { facts: ChainFacts; reaches: LinkedRoute['reaches'] }[] = [];
    for (const summary of summaries) {
      const { globalGuards, middleware } = summary.nest;
      if (globalGuards && !route.skipsGlobalGuards) upstream.push(this.resolved(summary.file, globalGuards, [], 0));
      for (const applied of middleware) {
        const covers = (target: (typeof applied.targets)[number]) => nestTargetCovers(target, route);
        if (applied.targets.some(covers) && !applied.excludes.some(covers)) upstream.push(this.resolved(summary.file, applied.facts, [], 0));
      }
    }
    return upstream;
  }

  /**
   * Facts of `file` with every imported link replaced by the facts of the export it names, followed file by file.
   * Imports of packages are not unknown: what a library does is a model's business, not its code's.
   */
  private resolved(
    file: string,
    facts: ChainFacts,
    reaches: LinkedRoute['reaches'],
    depth: number,
    sameFile = false,
  ): { facts: ChainFacts; reaches: LinkedRoute['reaches'] } {
    const kept: UnknownFact[] = [];
    const found: ChainFacts[] = [];
    const reached = [...reaches];
    for (const unknown of facts.unknown) {
      const named = unknown.namedBy ? this.namedStrategy(file, unknown, unknown.namedBy) : undefined;
      if (named) {
        found.push({ schemes: [], verifications: [named], decisions: [], unknown: [] });
        continue;
      }
      if (unknown.decoration !== undefined) {
        const decorations = this.decorations.get(unknown.decoration) ?? [];
        if (decorations.length > 0) {
          for (const decoration of decorations) {
            const linked = this.resolved(decoration.file, decoration.facts, [], depth + 1);
            found.push(skippedOn(linked.facts, unknown.skippedOn));
            reached.push(...linked.reaches);
          }
          continue;
        }
      }
      // A router mounted with `use` is linked as a mount, not run as middleware.
      if (unknown.mayBeRouter && unknown.ref && this.isRouter(file, unknown.ref)) continue;
      const target = unknown.ref && depth < MAX_LINK_DEPTH ? this.exportFactsOf(file, unknown.ref, depth) : undefined;
      if (target === 'package') continue;
      if (!target || 'missing' in target) {
        kept.push(target ? { ...unknown, description: `${unknown.description}, which ${target.missing}`, why: target.missing } : unknown);
        continue;
      }
      if (unknown.context) found.push(contextual(target.facts), this.contextFacts(file, unknown.ref!));
      else found.push(skippedOn(usedUnderPrefix(unknown.handler ? withoutWrites(target.facts) : unknown.checked ? required(target.facts) : target.facts, unknown.usePrefix), unknown.skippedOn));
      reached.push(...target.reaches);
    }
    // `request.isAdmin(reply)`: a request method the project decorates elsewhere runs its code here.
    for (const name of depth < MAX_LINK_DEPTH ? (facts.requestMethods ?? []) : []) {
      for (const decoration of this.decorations.get(name) ?? []) {
        const linked = this.resolved(decoration.file, decoration.facts, [], depth + 1);
        found.push(linked.facts);
        reached.push(...linked.reaches);
      }
    }
    // The services and helpers the code calls run on the chain too: their decisions and verifications count.
    for (const call of facts.calls ?? []) {
      if (depth >= MAX_LINK_DEPTH) break;
      const target = this.exportFactsOf(file, call, depth);
      if (target === 'package' || 'missing' in target) continue;
      found.push(skippedOn(target.facts, call.skippedOn));
      reached.push(...target.reaches);
      const scoped = this.index.scopeDecisions(file, call);
      if (scoped.length > 0) found.push(skippedOn({ schemes: [], verifications: [], decisions: scoped, unknown: [] }, call.skippedOn));
    }
    // `@Authorized()`: the checker the server is configured with runs in its place.
    const replaced = new Set<VerificationFact>();
    for (const verification of facts.verifications) {
      if (!verification.configuredBy) continue;
      const code = depth < MAX_LINK_DEPTH ? this.configuredCode(verification.configuredBy.channel, depth, !verification.configuredBy.optional) : undefined;
      if (code) {
        found.push(code.facts);
        reached.push(...code.reaches);
      }
      if (code || verification.configuredBy.tokenless) replaced.add(verification);
    }
    const own: ChainFacts = {
      schemes: facts.schemes,
      verifications: facts.verifications
        .filter((verification) => !replaced.has(verification) && !this.seesVerifier(file, verification, depth))
        .map((verification) => this.withSecret(file, this.withStrategy(verification))),
      decisions: facts.decisions.filter((decision) => !(decision.unchecked?.via && this.index.readsRecords(file, decision.unchecked.via))),
      unknown: kept,
      ...(facts.readsCaller ? { readsCaller: true } : {}),
      ...(facts.writes ? { writes: facts.writes } : {}),
    };
    return { facts: mergeFacts(sameFile ? own : inFile(own, this.index.display(file)), ...found), reaches: reached };
  }

  /** What a context builder of another file puts on the context: the fields of the object its function returns. */
  private contextFacts(fromFile: string, ref: ImportRef): ChainFacts {
    const target = this.index.exportOf(fromFile, ref, 0, this.filesRead);
    const returns = target !== 'package' && !('missing' in target) ? target.export.returns : undefined;
    return { schemes: [], verifications: [], decisions: [], unknown: [], writes: returnedWrites(returns ?? []).map((write) => ({ ...write, context: true })) };
  }

  /** An imported verifier whose own code verifies a token: the facts of that code, which the call brings, replace the stand-in. */
  private seesVerifier(file: string, verification: VerificationFact, depth: number): boolean {
    if (!verification.hiddenIn || depth >= MAX_LINK_DEPTH) return false;
    const target = this.exportFactsOf(file, verification.hiddenIn, depth);
    return target !== 'package' && !('missing' in target) && target.facts.verifications.length > 0;
  }

  /** A verifier whose secret is another file's constant: a literal there, or a literal fallback, makes its tokens forgeable. */
  private withSecret(file: string, verification: VerificationFact): VerificationFact {
    if (!verification.secretFrom) return verification;
    const found = this.index.constantOf(file, verification.secretFrom, this.filesRead);
    const constant = found?.constant;
    if (!found || !constant || !isWrittenString(constant)) return verification;
    const where = `${this.index.display(found.file)}:${constant.span.start.line}`;
    return { ...verification, forgeableKey: forgeableKeyOf(constant.kind, where, constant.kind === 'env-fallback' ? constant.name : undefined) };
  }

  /**
   * What the authentication code a framework is configured with does, linked, once per framework: undefined where the
   * project has none, or where that code neither verifies a token nor reads credentials (the stand-in says more).
   * Where the framework denies the request when that code fails (`denies`), what it verifies is required.
   */
  private configuredCode(channel: string, depth: number, denies: boolean): Linked | undefined {
    const key = `${channel}\0${denies}`;
    if (this.configuredCache.has(key)) return this.configuredCache.get(key);
    this.configuredCache.set(key, undefined);
    const linked = (this.authenticators.get(channel) ?? []).map((code) => this.resolved(code.file, code.facts, [], depth + 1));
    const merged = mergeFacts(...linked.map((code) => code.facts));
    const facts = denies ? required(merged) : merged;
    const result = facts.verifications.length > 0 || facts.schemes.length > 0 ? { facts, reaches: linked.flatMap((code) => code.reaches) } : undefined;
    this.configuredCache.set(key, result);
    return result;
  }

  /**
   * `server.auth.default(jwtAuth.name)` with the name a constant of another project file: a token strategy when the
   * constant names one (`'jwt'`), judged by the strategies the project configures like one the code spells.
   */
  private namedStrategy(file: string, unknown: UnknownFact, namedBy: NonNullable<UnknownFact['namedBy']>): VerificationFact | undefined {
    const constant = this.index.constantOf(file, namedBy.ref, this.filesRead)?.constant;
    if (constant?.kind !== 'literal' || typeof constant.value !== 'string' || !isTokenStrategyName(constant.value)) return undefined;
    const description = `the auth strategy '${constant.value}' of ${namedBy.where}`;
    const where = unknown.file !== undefined ? { file: unknown.file } : {};
    return this.withStrategy({ description, span: unknown.span, ...where, unpinned: STRATEGY_ELSEWHERE_UNPINNED, strategyElsewhere: true });
  }

  /** A strategy marker judged by the strategies the project configures, where its own file configures none. */
  private withStrategy(verification: VerificationFact): VerificationFact {
    if (!verification.strategyElsewhere || this.strategies.length === 0) return verification;
    const strategies = strategiesSelected(verification.selects, this.strategies);
    const unpinned = [...new Set(strategies.flatMap((strategy) => strategy.unpinned))];
    const where = strategies.map((strategy) => `${strategy.file}:${strategy.span.start.line}`).join(', ');
    return { ...verification, description: `${verification.description} (strategy at ${where})`, unpinned, strategyElsewhere: false };
  }

  private isRouter(fromFile: string, ref: ImportRef): boolean {
    const target = this.index.exportOf(fromFile, ref, 0, this.filesRead);
    return target !== 'package' && !('missing' in target) && target.export.router === true;
  }

  /**
   * The entries of a list of paths another file exports, for the allow-list that imports it: the export itself
   * (`export const PUBLIC = […]`), or a key of an exported object (`module.exports = { publicRoutes: […] }`).
   */
  private readonly readList: ListReader = (list) => {
    // Every fact a listing middleware establishes carries the list, and every route asks: look it up once.
    const key = `${list.from}\0${list.ref.source}\0${list.ref.name}\0${(list.ref.path ?? []).join('.')}`;
    let entries = this.listCache.get(key);
    if (!entries) {
      entries = this.listedPaths(list);
      this.listCache.set(key, entries);
    }
    return entries;
  };

  private readonly listCache = new Map<string, readonly PathMatch[]>();

  private listedPaths(list: PathList): readonly PathMatch[] {
    const direct = this.index.exportOf(list.from, list.ref, 0, this.filesRead);
    const own = direct !== 'package' && !('missing' in direct) ? direct.export.pathLists?.[''] : undefined;
    if (own || !list.ref.path?.length) return own ?? [];
    const holder = this.index.exportOf(list.from, { source: list.ref.source, name: list.ref.name }, 0, this.filesRead);
    return holder !== 'package' && !('missing' in holder) ? (holder.export.pathLists?.[list.ref.path.join('.')] ?? []) : [];
  }

  /** The facts of the export `ref` names, as seen from `fromFile`, memoized per target. */
  private exportFactsOf(fromFile: string, ref: ImportRef, depth: number): Linked | { missing: string } | 'package' {
    const target = this.index.exportOf(fromFile, ref, 0, this.filesRead);
    if (target === 'package' || 'missing' in target) return target;
    const key = `${target.file}#${target.name}`;
    const cached = this.exportCache.get(key);
    if (cached) return cached;
    // A cycle (a → b → a) meets its own key and stops with what is known.
    this.exportCache.set(key, { missing: 'imports itself in a cycle' });
    const result = this.resolved(target.file, target.export.facts, [{ file: target.file, ranges: target.export.ranges }], depth + 1);
    this.exportCache.set(key, result);
    return result;
  }

}

const PROCEDURE_FRAMEWORK = VOCABULARY.routing.procedureRoutes.framework;

/** The code each framework's authentication markers run: passed to its server-making function, or exported by the name it loads. */
function configuredAuthenticators(summaries: readonly FileSummary[]): Map<string, { file: string; facts: ChainFacts }[]> {
  const byFramework = new Map<string, { file: string; facts: ChainFacts }[]>();
  const add = (framework: string, file: string, facts: ChainFacts) => byFramework.set(framework, [...(byFramework.get(framework) ?? []), { file, facts }]);
  for (const summary of summaries) {
    for (const code of summary.authenticators ?? []) add(code.channel, summary.file, code.facts);
    for (const exported of summary.exports) {
      const loaded = VOCABULARY.routing.authenticatorExports.find((candidate) => candidate.name === exported.name);
      if (loaded) add(loaded.channel, summary.file, exported.facts);
    }
  }
  return byFramework;
}

/**
 * Resolver maps (`Query: {`), procedure resolvers (`.query(`) and router tables (`router({`) register routes too;
 * the words come from the models. Each is looked for by a linear scan of the text.
 */
const RESOLVER_HINTS: readonly { before: '' | '.'; word: string; then: readonly string[] }[] = [
  ...[...VOCABULARY.request.resolverOperations].map((word) => ({ before: '' as const, word, then: [':'] })),
  ...VOCABULARY.request.procedures.flatMap((procedure) => [...procedure.methods].map((word) => ({ before: '.' as const, word, then: ['('] }))),
  ...[...VOCABULARY.routing.procedureRoutes.routerFactories].map((word) => ({ before: '' as const, word, then: ['(', '{'] })),
  // A file that only serves a schema (`startStandaloneServer(server, { context })`, `graphqlHTTP({ rootValue })`).
  ...[...VOCABULARY.routing.resolverRoutes.servers.keys(), ...VOCABULARY.routing.rootValueServers.keys()].map((word) => ({ before: '' as const, word, then: ['('] })),
  // Decorated controllers (`@JsonController(`), the servers their framework is made with, and the authentication
  // code it loads by name (`export function expressAuthentication`).
  ...[...VOCABULARY.routing.decoratedControllers.flatMap((model) => model.controllers), ...VOCABULARY.routing.authenticatorServers.flatMap((server) => server.calls)].map((word) => ({
    before: '' as const,
    word,
    then: ['('],
  })),
  ...VOCABULARY.routing.authenticatorExports.map(({ name }) => ({ before: '' as const, word: name, then: [] })),
];

/** Whether a file's text says it may register, mount or guard routes: the files linking reads first. */
export function mayRoute(file: string, text: string): boolean {
  return ROUTE_HINT.test(text) || ROUTE_CALL.test(text) || RESOLVER_HINTS.some(({ before, word, then }) => mentions(text, before, word, then)) || isNextMiddlewareFile(file);
}


/**
 * Applies, in the order the chain runs, what its middleware writes on the request: a property set from verified
 * claims (`req.claims = payload`) makes later decisions on it decisions on claims; a caller's field replaced by
 * the server's value (`req.body.userId = req.user.id`) is no longer the caller's. Decisions on properties no link
 * of this chain sets are dropped: nothing on the route says what they hold.
 */
function settleWrites(facts: ChainFacts): { facts: ChainFacts; writes: Map<string, WrittenTrust>; writeOrigins: Map<string, WrittenOrigin> } {
  const writes = new Map<string, WrittenTrust>();
  const writeOrigins = new Map<string, WrittenOrigin>();
  for (const write of facts.writes ?? []) {
    const trust = write.trust === 'pending' ? writtenAt(writes, write.from ?? '') : write.trust;
    if (trust) writes.set(write.prop, trust);
    // A later write replaces what an earlier one said the property holds.
    if (trust === 'untrusted' && write.origin) writeOrigins.set(write.prop, write.origin);
    else writeOrigins.delete(write.prop);
  }
  // A context builder's verification authenticates the route when the chain requires or decides on what it set. A
  // data scope (`where({ id: ctx.state.jwt.sub })`) denies no one: loading the caller's record when a token came
  // leaves the route open to everyone else, and says nothing about this route's access.
  const contextWritten = new Set((facts.writes ?? []).filter((write) => write.context).map((write) => rootProp(write.prop)));
  const onContext = (decision: DecisionFact) => decision.prop !== undefined && contextWritten.has(rootProp(decision.prop)) && writtenAt(writes, decision.prop) !== undefined;
  // A session test (`req.isAuthenticated()`) requires whoever the chain restored too.
  const requiresContext = facts.schemes.some((scheme) => scheme.session !== undefined) || facts.decisions.some((decision) => !decision.scope && onContext(decision));
  const decisions = facts.decisions.flatMap((decision): DecisionFact[] => {
    if (decision.scope && !requiresContext && onContext(decision)) return [];
    const written = decision.prop !== undefined ? writtenAt(writes, decision.prop) : undefined;
    if (decision.presence) return [];
    if (decision.unchecked) return isServerValue(written) || checkedOnChain(decision.unchecked, writes) ? [] : [decision];
    if (decision.trust === 'pending') {
      if (!written) return decision.verifiedUnlessWritten ? [{ ...decision, trust: 'verified', description: `decision on verified claim '${decision.claim ?? decision.prop ?? ''}'` }] : [];
      const trust = written === 'server' ? 'verified' : written;
      // `context.me.role` set from verified claims decides on the claim `role`, as a role gate on the route.
      const claim = decision.claim ?? (trust === 'verified' && decision.prop !== undefined ? decision.prop.slice(decision.prop.lastIndexOf('.') + 1) : undefined);
      return [{ ...decision, trust, ...(claim !== undefined ? { claim } : {}), description: `${decision.description}, which the chain's middleware sets ${WRITTEN_FROM[written]}` }];
    }
    if (decision.trust === 'verified' && decision.verifiedUnlessWritten && (written === 'unverified' || written === 'untrusted')) {
      return [{ ...decision, trust: written, description: `decision on ${decision.prop}, which the chain's middleware sets ${WRITTEN_FROM[written]}` }];
    }
    if (decision.trust === 'untrusted' && isServerValue(written)) {
      return [{ ...decision, trust: 'verified', description: `decision on ${decision.prop}, which the chain's middleware sets ${WRITTEN_FROM[written]}` }];
    }
    return [decision];
  });
  const verifications = requiresContext ? facts.verifications.map(requiredHere) : facts.verifications.filter((verification) => !verification.contextual);
  return { facts: { ...facts, decisions, verifications }, writes, writeOrigins };
}

/** The chain set a request property that checks the caller from verified claims (or left one that holds them by convention). */
function checkedOnChain(unchecked: UncheckedFact, writes: ReadonlyMap<string, WrittenTrust>): boolean {
  return (unchecked.ifSet ?? []).some((check) => {
    const written = writtenAt(writes, check.prop);
    return isServerValue(written) || (written === undefined && check.unlessWritten === true);
  });
}

function rootProp(prop: string): string {
  const dot = prop.indexOf('.');
  return dot < 0 ? prop : prop.slice(0, dot);
}

/**
 * A context builder's facts: its verifications run for every request and count only where the route needs them;
 * building the context decides nothing (`role: claims.role === 'admin' ? 'admin' : 'user'` normalises a claim).
 */
function contextual(facts: ChainFacts): ChainFacts {
  return { ...facts, decisions: [], verifications: facts.verifications.map((verification) => ({ ...verification, contextual: true })) };
}

/**
 * Request ids the chain has already tied to the caller: a service's owner filter fed by a value that a verified
 * lookup anchored (a membership guard on `params.workspaceId`) is no decision on untrusted input, and a record
 * picked by such an id, or on a route that gates on the caller's roles or identity first, is checked.
 */
function withoutCheckedIds(facts: ChainFacts): ChainFacts {
  const anchored = new Set(facts.decisions.flatMap((decision) => (decision.trust === 'verified' ? (decision.anchors ?? []) : [])));
  const gated = isGatedOnCaller(facts.decisions);
  if (anchored.size === 0 && !gated) return facts;
  const checked = (decision: DecisionFact) =>
    decision.trust === 'untrusted' && (decision.scope || decision.unchecked) && ((decision.unchecked && gated) || (decision.prop !== undefined && anchored.has(decision.prop)));
  return { ...facts, decisions: facts.decisions.filter((decision) => !checked(decision)) };
}

/**
 * The records a service reads, changes or deletes by the client id this call passes, with nothing checking the
 * caller: no comparison or owner filter in the service fed by what the call passes, no check around the call.
 */
function uncheckedServiceAccesses(call: CallFact, facts: LinkedServiceFacts, service: string): DecisionFact[] {
  const args = call.args ?? [];
  if (call.callerCheck?.checked) return [];
  // A parameter the caller passes nothing plain to (its own parameter, a request property) may hold the caller.
  const mayBeCaller = (param: ParamRef): CheckIfSet[] | undefined => {
    const value = argumentAt(args, param);
    if (value === undefined || value.kind === 'verified') return undefined;
    const prop = value.kind === 'untrusted' && !value.container ? requestPropOf(value.source, value.name) : undefined;
    return prop ? [{ prop }] : [];
  };
  const compared = facts.compared.map((comparison) => mayBeCaller({ index: comparison.param, path: [] }));
  if (compared.includes(undefined)) return [];
  const unchecked: DecisionFact[] = [];
  for (const access of facts.accesses) {
    const value = argumentAt(args, access.param);
    if (value?.kind !== 'untrusted' || !isClientChosen(value)) continue;
    const scoped = access.scopedBy.map(mayBeCaller);
    if (scoped.includes(undefined)) continue;
    const ifSet = [...(call.callerCheck?.ifSet ?? []), ...compared.flatMap((check) => check ?? []), ...scoped.flatMap((check) => check ?? [])];
    const prop = requestPropOf(value.source, value.name);
    unchecked.push({
      trust: 'untrusted',
      description: uncheckedDescription(access.resolvedModel?.name || undefined, access.operation, describeOrigin(value.source, value.name), service),
      span: access.span,
      file: access.file,
      unchecked: ifSet.length > 0 ? { ifSet } : {},
      reportedBy: { rule: 'require-ownership-check' },
      ...(prop ? { prop } : {}),
    });
  }
  return unchecked;
}

/** The calls into other files that a summary's chains and exported functions make. */
function callsOf(summary: FileSummary): CallFact[] {
  const calls: CallFact[] = [];
  for (const route of summary.routes) calls.push(...(route.facts.calls ?? []));
  for (const exported of summary.exports) {
    calls.push(...(exported.facts.calls ?? []));
    for (const member of exported.members ?? []) calls.push(...(member.facts.calls ?? []));
  }
  return calls;
}

/** The value a call passes at a parameter path, when it is one plain value. */
function argumentAt(args: readonly (readonly PortableValue[])[], param: ParamRef): PortableValue | undefined {
  let value: PortableValue | undefined = args[param.index]?.find((candidate) => candidate.kind !== 'param');
  for (const key of param.path) {
    if (!value) return undefined;
    if (value.kind === 'object') value = key === null ? undefined : value.props[key]?.[0];
    else if (value.kind === 'untrusted') value = value.container ? { ...value, container: false, name: key ?? undefined } : { ...value, name: value.name && key ? `${value.name}.${key}` : value.name };
    else if (value.kind === 'verified' || value.kind === 'unverified') value = { ...value, name: value.name ? `${value.name}.${key ?? ''}` : (key ?? undefined) };
    else return undefined;
  }
  return value;
}

/** Where Prisma keeps a project's schema: `prisma/schema.prisma`, a root `schema.prisma`, or `prisma/schema/*.prisma`. */
function prismaSchemaFiles(root: string): string[] {
  const files = [path.join(root, 'prisma', 'schema.prisma'), path.join(root, 'schema.prisma')].filter((file) => fs.existsSync(file));
  const folder = path.join(root, 'prisma', 'schema');
  try {
    for (const entry of fs.readdirSync(folder)) if (entry.endsWith('.prisma')) files.push(path.join(folder, entry));
  } catch {
    // No multi-file schema.
  }
  return files;
}

function withoutWrites(facts: ChainFacts): ChainFacts {
  return facts.writes ? { ...facts, writes: [] } : facts;
}

/** Least trusted first. */
const TRUST_ORDER: readonly WrittenTrust[] = ['untrusted', 'unverified', 'server', 'verified'];

const WRITTEN_FROM: Record<WrittenTrust, string> = {
  verified: 'from verified claims',
  server: 'to a value the server determined',
  untrusted: 'from request input',
  unverified: 'from an unverified token',
};

/**
 * A controller route's path under the application's global prefix (`setGlobalPrefix('api')`), unless the prefix
 * excludes it. Module middleware and guards match the path without it, as Nest applies them.
 */
function nestPath(path: string, summaries: readonly FileSummary[]): string {
  const global = summaries.find((summary) => summary.nest.globalPrefix)?.nest.globalPrefix;
  if (!global) return path;
  if (global.excludes.some((excluded) => joinPaths(excluded) === joinPaths(path))) return path;
  return joinPaths(global.prefix, path);
}

/**
 * Whether a summary holds what linking reads of more than the chains that lead into it: routes and mounts, and what
 * any route may run wherever it is declared (strategies, decorators, autoloaded folders, configured authenticators).
 */
function hasRouting(summary: FileSummary): boolean {
  return (
    summary.routes.length > 0 || summary.mounts.length > 0 || !!summary.nextMiddleware || !!summary.nest.globalGuards || !!summary.nest.globalPrefix || summary.nest.middleware.length > 0 ||
    summary.strategies.length > 0 || summary.decorations.length > 0 || (summary.autoloads?.length ?? 0) > 0 || (summary.authenticators?.length ?? 0) > 0 ||
    summary.exports.some((exported) => VOCABULARY.routing.authenticatorExports.some((candidate) => candidate.name === exported.name))
  );
}

function isNextMiddlewareFile(file: string): boolean {
  const base = path.basename(file);
  return /^middleware\.[cm]?[jt]s$/.test(base);
}

function hashOf(text: string): string {
  return crypto.createHash('sha1').update(text).digest('base64');
}

/** The key a summary of `text` is filed under (see `SummaryEntry`). */
export const textKey = hashOf;

function statKey(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

const indexes = new Map<string, ProjectIndex>();
const settingsKeys = new WeakMap<object, string>();

/**
 * The index of the project `filename` belongs to, for these settings. A file that does not exist on disk (a
 * test case, text from stdin) gets an index of its own that reads nothing else.
 */
export function projectFor(filename: string, settings: EslintSettings | undefined): ProjectIndex {
  const projectRoot = projectRootOf(filename);
  const solo = projectRoot === undefined;
  const root = projectRoot ?? filename;
  const key = `${solo ? 'solo' : 'root'}\0${root}\0${settingsKey(settings)}`;
  let index = indexes.get(key);
  if (!index) {
    index = new ProjectIndex(root, settings, solo);
    indexes.set(key, index);
  }
  return index;
}

function settingsKey(settings: EslintSettings | undefined): string {
  const raw = settings?.claimguard;
  if (raw === undefined || raw === null || typeof raw !== 'object') return '';
  let key = settingsKeys.get(raw);
  if (key === undefined) {
    key = JSON.stringify(raw);
    settingsKeys.set(raw, key);
  }
  return key;
}

/** Forgets every index and resolver: a fresh start, as a new process would make (benchmarks time real first runs). */
export function forgetProjects(): void {
  indexes.clear();
  forgetResolvers();
}

/** Every index this process holds, for the language server's overlays and file events. */
export function allProjects(): readonly ProjectIndex[] {
  return [...indexes.values()];
}
