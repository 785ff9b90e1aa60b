import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { readSettings, type ClaimGuardSettings } from './settings';
import type { Decision, FunctionNode, PrivilegeWrite, TrustValue } from './types';
import { FileIndex } from './file-index';
import { claimsPathOfLibraries } from './frameworks';
import { isTrustValue, ValueEvaluator, type Value } from './values';
import { importRefOf, type ImportRef } from './imports';
import { toPortable, type PortableValue } from './portable';
import type { PortableConstant } from './static-values';
import { projectFor, type LinkedRoute, type LinkedServiceFacts } from '../project/index';
import { findDecisions, type DecisionFacts, type ParamPrivilegeWrite } from './decisions';
import { conventionalClaimProp, findRequestWrites, settleValues, type RequestWrite, type WrittenOrigin, type WrittenTrust } from './request-writes';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, memberName } from './syntax';
import { ModelCatalog, type ModelSummary } from './schemas';
import { findRecordAccesses, type ModelRecordCall, type RecordAccess } from './records';
import { ServiceFacts, type ParamFacts, type ParamRef } from './service-facts';
import { getRouteModel } from './routes';
import { ModelLookup, type ModelHooks } from './model-lookup';
import { getCredentialFacts, type CredentialFacts } from './credentials';

export type { ClaimGuardSettings } from './settings';
export { SettingsError } from './settings';
export * from './types';
export type { ModelSummary } from './schemas';
export { describeValue, claimSuggestion } from './describe';

/**
 * Everything the rules know about one file. Built once per SourceCode (see `getAnalysis`) with a
 * single walk of the AST; values are evaluated lazily and memoized per node.
 */
export interface FileAnalysis {
  readonly settings: ClaimGuardSettings;
  /** Authorization decisions: allow/deny conditions, authorization-API calls, identity-scoped queries. */
  readonly decisions: readonly Decision[];
  /** Privilege fields written from request input. */
  readonly privilegeWrites: readonly PrivilegeWrite[];
  /** The verified claims object fixes should use: the setting, else the one the file reads most. */
  readonly claimsPath: string | undefined;
  /** Claim names the file reads from verified claims (`sub`, `role`, `permissions`), for fixes to reuse. */
  readonly verifiedClaimNames: readonly string[];
  /** What the analysis knows of an expression's value (parameters resolved through the file's own callers). */
  valuesOf(node: TSESTree.Node): readonly TrustValue[];
  /** The innermost function around a node, or null at module level. */
  functionContaining(node: TSESTree.Node): FunctionNode | null;
  /** The verified claims objects `fn` reads (`req.auth.payload`), the most used first. */
  verifiedClaimsReadIn(fn: FunctionNode): readonly string[];
  /** What `fn` returns, with its parameters as placeholders: the summary other files instantiate at their calls. */
  returnsOf(fn: FunctionNode): readonly Value[];
  /** What the file's code puts on request objects for later middleware and handlers. */
  readonly requestWrites: readonly RequestWrite[];
  /**
   * Values as the routes reaching the code at `at` see them, with what their middleware puts on the request
   * applied (`req.claims` set from verified claims, `req.body.userId` replaced by the server's value).
   */
  settle(values: readonly TrustValue[], at: TSESTree.Node): TrustValue[];
  /** The model, schema or DTO an expression names, declared in this file or imported from another. */
  modelOf(node: TSESTree.Node): ModelSummary | undefined;
  /** The tables this file's migrations create or alter. */
  readonly migrationTables: readonly ModelSummary[];
  /** Reads, changes and deletes of records in this file, with the model each touches when it is known. */
  readonly recordAccesses: readonly ResolvedAccess[];
  /** Calls of other files' functions that read, change or delete records by what the call passes. */
  readonly serviceCalls: readonly ServiceCall[];
  /** Calls of other files' functions that compare what the call passes (an owner check written once in `lib/`). */
  readonly comparingCalls: readonly ServiceCall[];
  /** What `fn` does with its parameters (records accessed and scoped by them), for its file's summary. */
  paramFactsOf(fn: FunctionNode): ParamFacts | undefined;
  /** What a call passes at a parameter path of the function it calls. */
  argumentValues(call: TSESTree.CallExpression, param: ParamRef): TrustValue[];
  /** Privilege fields written from parameters; what callers in other files pass decides. */
  readonly paramPrivilegeWrites: readonly ParamPrivilegeWrite[];
  /** What callers in other files of the project pass to a parameter of an exported function of this file. */
  callerValues(fn: FunctionNode, param: ParamRef, at: TSESTree.Node): TrustValue[];
  /** Tests that a server-side session holds a subject, denying when it does not. */
  readonly sessionChecks: readonly TSESTree.Node[];
  /** The string constant an expression imports from another project file (a config module's secret), with that file. */
  importedConstant(node: TSESTree.Node): { constant: PortableConstant; file: string } | undefined;
  /** The routes of the project whose chains run the code at `node`; empty when none is known to. */
  routesAt(node: TSESTree.Node): readonly LinkedRoute[];
  /** Portable values of a call's arguments, for the summary facts of calls into other files. */
  portableArguments(call: TSESTree.CallExpression): PortableValue[][];
}

export interface ResolvedAccess {
  access: RecordAccess;
  model?: ModelSummary;
}

/** A call of a service, DAO or helper in another file, and what that function does with what it is passed. */
export interface ServiceCall {
  call: TSESTree.CallExpression;
  ref: ImportRef;
  facts: LinkedServiceFacts;
}

/** One read of a verified claims object: where, which object, and the claim read from it. */
interface ClaimsRead {
  fn: FunctionNode | null;
  claimsPath: string;
  claim: string | undefined;
}

class LazyFileAnalysis implements FileAnalysis {
  private readonly index: FileIndex;
  private readonly evaluator: ValueEvaluator;
  private readonly models: ModelLookup;
  private readonly catalog: ModelCatalog;
  private facts: DecisionFacts | undefined;
  private claimReads: { claimsPath: string | undefined; names: string[]; reads: ClaimsRead[] } | undefined;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    readonly settings: ClaimGuardSettings,
    private readonly project?: ProjectHooks,
    private readonly filename = '',
    private readonly credentials?: () => CredentialFacts,
  ) {
    this.index = new FileIndex(sourceCode);
    let verificationCalls: ReadonlySet<TSESTree.Node> | undefined;
    // The credential walk classifies verification calls without asking the values, so asking it here cannot loop.
    const verifications = credentials && (() => (verificationCalls ??= new Set(credentials().verifications.map((verification) => verification.node))));
    this.evaluator = new ValueEvaluator(sourceCode, this.index, settings, project?.imports, verifications);
    this.catalog = new ModelCatalog(sourceCode.ast, this.index);
    this.models = new ModelLookup(this.index, this.catalog, project, {
      accessOf: (call) => this.recordAccesses.find(({ access }) => access.call === call),
      followedCall: (call) => {
        const ref = this.importedCallRef(call);
        return !!ref && !!this.project?.follows(ref);
      },
    });
  }

  modelOf(node: TSESTree.Node): ModelSummary | undefined {
    return this.models.modelOf(node);
  }

  get migrationTables(): readonly ModelSummary[] {
    return [...this.catalog.migrationTables().values()];
  }

  private accesses: ResolvedAccess[] | undefined;

  get recordAccesses(): readonly ResolvedAccess[] {
    this.accesses ??= findRecordAccesses(this.index, (target) => this.models.modelOfTarget(target) !== undefined, this.modelRecordCall()).map((access) => {
      const model = access.target ? this.models.modelOfTarget(access.target) : undefined;
      return model ? { access, model } : { access };
    });
    return this.accesses;
  }

  /** The record calls of the user's models (`records` in settings.claimguard.models), matched with this file's imports. */
  private modelRecordCall(): ModelRecordCall | undefined {
    if (!this.credentials || !this.settings.models.some((model) => model.records)) return undefined;
    const { callContext } = this.credentials();
    return (call) => callContext.models.recordCallOf(call, callContext);
  }

  private importedCalls: Map<TSESTree.CallExpression, ImportRef> | undefined;

  /** Calls of functions the project's other files export (`userService.find(id)`, `this.orders.findOne(id)`). */
  private importedCallRef(call: TSESTree.Node): ImportRef | undefined {
    if (!this.importedCalls) {
      this.importedCalls = new Map();
      if (this.filename) for (const imported of getRouteModel(this.sourceCode, this.filename).importedCalls) this.importedCalls.set(imported.call, imported.ref);
    }
    return call.type === AST_NODE_TYPES.CallExpression ? this.importedCalls.get(call) : undefined;
  }

  private linkedCalls: ServiceCall[] | undefined;

  /** Calls of other files' functions with what those functions do with their parameters, in source order. */
  private get callsWithParamFacts(): readonly ServiceCall[] {
    if (this.linkedCalls) return this.linkedCalls;
    this.linkedCalls = [];
    if (!this.project) return this.linkedCalls;
    this.importedCallRef(this.sourceCode.ast);
    for (const [call, ref] of this.importedCalls ?? []) {
      const facts = this.project.serviceFacts(ref);
      if (facts) this.linkedCalls.push({ call, ref, facts });
    }
    this.linkedCalls.sort((a, b) => a.call.range[0] - b.call.range[0]);
    return this.linkedCalls;
  }

  private services: readonly ServiceCall[] | undefined;
  private comparing: readonly ServiceCall[] | undefined;

  get serviceCalls(): readonly ServiceCall[] {
    this.services ??= this.callsWithParamFacts.filter((service) => service.facts.accesses.length > 0);
    return this.services;
  }

  get comparingCalls(): readonly ServiceCall[] {
    this.comparing ??= this.callsWithParamFacts.filter((service) => service.facts.accesses.length === 0 && service.facts.compared.length > 0);
    return this.comparing;
  }

  private serviceFacts: ServiceFacts | undefined;

  paramFactsOf(fn: FunctionNode): ParamFacts | undefined {
    this.serviceFacts ??= new ServiceFacts({
      index: this.index,
      valuesOf: (node) => this.evaluator.valuesOf(node),
      hasVerified: (node) => this.evaluator.trustOf(node).some((value) => value.trust === 'verified'),
      accesses: this.recordAccesses.map(({ access }) => access),
      scopeSites: this.computed.scopeSites,
      modelRef: (target) => this.models.modelRefOf(target),
      importedCall: (call) => this.importedCallRef(call),
      text: (node) => this.sourceCode.getText(node),
    });
    return this.serviceFacts.factsOf(fn);
  }

  argumentValues(call: TSESTree.CallExpression, param: ParamRef): TrustValue[] {
    const argument = call.arguments[param.index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
    return this.alongPath(this.evaluator.trustOf(argument), param.path, argument);
  }

  private alongPath(values: readonly Value[], path: readonly (string | null)[], at: TSESTree.Node): TrustValue[] {
    let current: readonly Value[] = values;
    for (const key of path) current = this.evaluator.member(current, { key: key ?? undefined }, at);
    return current.filter(isTrustValue);
  }

  get paramPrivilegeWrites(): readonly ParamPrivilegeWrite[] {
    return this.computed.paramWrites;
  }

  get sessionChecks(): readonly TSESTree.Node[] {
    return this.computed.sessionChecks;
  }

  importedConstant(node: TSESTree.Node): { constant: PortableConstant; file: string } | undefined {
    return this.project?.importedConstant(node);
  }

  private exportNames: Map<FunctionNode, string[]> | undefined;

  callerValues(fn: FunctionNode, param: ParamRef, at: TSESTree.Node): TrustValue[] {
    if (!this.project || !this.filename) return [];
    if (!this.exportNames) {
      this.exportNames = new Map();
      for (const [name, exported] of getRouteModel(this.sourceCode, this.filename).exportFunctions) {
        if (isFunctionNode(exported)) this.exportNames.set(exported, [...(this.exportNames.get(exported) ?? []), name]);
      }
    }
    const values: Value[] = [];
    for (const name of this.exportNames.get(fn) ?? []) {
      for (const args of this.project.callerArguments(name)) values.push(...fromCaller(args[param.index] ?? [], at));
    }
    return this.alongPath(values, param.path, at);
  }

  routesAt(node: TSESTree.Node): readonly LinkedRoute[] {
    if (!this.project) return [];
    const fn = this.index.functionContaining(node);
    return this.project.routesAt(fn?.range[0] ?? node.range[0]);
  }

  portableArguments(call: TSESTree.CallExpression): PortableValue[][] {
    const fn = this.index.functionContaining(call);
    return call.arguments.map((argument) => {
      if (argument.type === AST_NODE_TYPES.SpreadElement || !fn) return [];
      const values = toPortable(this.evaluator.valuesOf(argument), fn);
      // `req.params.id` of a handler's `req` is request input; the placeholder for `req` says nothing more.
      return values.some((value) => value.kind !== 'param') ? values.filter((value) => value.kind !== 'param') : values;
    });
  }


  returnsOf(fn: FunctionNode): readonly Value[] {
    return this.evaluator.returnValues(fn);
  }

  private readonly writesByFunction = new Map<FunctionNode | null, ReadonlyMap<string, WrittenTrust> | undefined>();
  private readonly originsByFunction = new Map<FunctionNode | null, ReadonlyMap<string, WrittenOrigin> | undefined>();

  settle(values: readonly TrustValue[], at: TSESTree.Node): TrustValue[] {
    if (!this.project || !values.some((value) => value.trust === 'pending' || value.trust === 'untrusted' || conventionalClaimProp(value) !== undefined)) return [...values];
    const fn = this.index.functionContaining(at);
    const offset = fn?.range[0] ?? at.range[0];
    if (!this.writesByFunction.has(fn)) this.writesByFunction.set(fn, this.project.writesAt(offset));
    if (!this.originsByFunction.has(fn)) this.originsByFunction.set(fn, this.project.writeOriginsAt(offset));
    return settleValues(values, this.writesByFunction.get(fn), this.originsByFunction.get(fn));
  }

  private writes: RequestWrite[] | undefined;

  get requestWrites(): readonly RequestWrite[] {
    this.writes ??= findRequestWrites(this.index, this.evaluator);
    return this.writes;
  }

  private get computed(): DecisionFacts {
    this.facts ??= findDecisions(this.index, this.evaluator, this.sourceCode, this.settings, this.models);
    return this.facts;
  }

  get decisions(): readonly Decision[] {
    return this.computed.decisions;
  }

  get privilegeWrites(): readonly PrivilegeWrite[] {
    return this.computed.privilegeWrites;
  }

  get claimsPath(): string | undefined {
    return this.settings.claimsPath ?? this.readClaims().claimsPath ?? claimsPathOfLibraries(this.index.modules);
  }

  get verifiedClaimNames(): readonly string[] {
    return this.readClaims().names;
  }

  /** The verified claims objects the file reads, the most used first, and the claims read from them. */
  private readClaims(): { claimsPath: string | undefined; names: string[]; reads: ClaimsRead[] } {
    if (this.claimReads) return this.claimReads;
    const reads: ClaimsRead[] = [];
    for (const read of this.index.claimReads) {
      const parent = read.parent;
      const claim = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read ? memberName(parent) : undefined;
      // `req.auth` in `req.auth.payload.sub` is only a prefix of the claims object.
      if (claim === 'payload' || claim === 'claims') continue;
      for (const value of this.evaluator.trustOf(read)) {
        if (value.trust !== 'verified' || !value.claimsPath || value.name !== undefined) continue;
        reads.push({ fn: this.index.functionContaining(read), claimsPath: value.claimsPath, claim });
      }
    }
    const names = new Set(reads.flatMap((read) => (read.claim ? [read.claim] : [])));
    this.claimReads = { claimsPath: mostUsed(reads)[0], names: [...names], reads };
    return this.claimReads;
  }

  verifiedClaimsReadIn(fn: FunctionNode): readonly string[] {
    return mostUsed(this.readClaims().reads.filter((read) => read.fn === fn));
  }

  valuesOf(node: TSESTree.Node): readonly TrustValue[] {
    return this.evaluator.trustOf(node);
  }

  functionContaining(node: TSESTree.Node): FunctionNode | null {
    return this.index.functionContaining(node);
  }
}

/** The claims objects of some reads, the most read first. */
function mostUsed(reads: readonly ClaimsRead[]): string[] {
  const counts = new Map<string, number>();
  for (const read of reads) counts.set(read.claimsPath, (counts.get(read.claimsPath) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

const analyses = new WeakMap<TSESLint.SourceCode, { settings: object | undefined; analysis: FileAnalysis }>();

/** The analysis of the file being linted, shared by every rule (built on first use, once per SourceCode). */
export function getAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  return analyzeSourceCode(context.sourceCode, context.settings, context.filename);
}

/**
 * The same analysis for callers outside a rule (the CLI and editors), given the ESLint settings. With the file's
 * name, calls of functions other files of its project export are evaluated from their summaries; the first call
 * for a parse decides, and the rules make it with the name.
 */
export function analyzeSourceCode(sourceCode: TSESLint.SourceCode, eslintSettings?: Readonly<Record<string, unknown>>, filename?: string): FileAnalysis {
  const raw = eslintSettings?.claimguard as object | undefined;
  const cached = analyses.get(sourceCode);
  if (cached && cached.settings === raw) return cached.analysis;
  const project = filename ? projectHooks(sourceCode, eslintSettings, filename) : undefined;
  const analysis = new LazyFileAnalysis(sourceCode, readSettings(eslintSettings), project, filename, () => getCredentialFacts(sourceCode, eslintSettings, filename));
  analyses.set(sourceCode, { settings: raw, analysis });
  return analysis;
}

/**
 * What a file's analysis asks its project's index: other files' functions it calls, the models it imports, the
 * routes reaching its code. Routes and callers are asked only by rules, never while a summary is being made.
 */
interface ProjectHooks extends ModelHooks {
  imports(call: TSESTree.CallExpression): readonly PortableValue[] | undefined;
  writesAt(offset: number): ReadonlyMap<string, WrittenTrust> | undefined;
  writeOriginsAt(offset: number): ReadonlyMap<string, WrittenOrigin> | undefined;
  follows(ref: ImportRef): boolean;
  serviceFacts(ref: ImportRef): LinkedServiceFacts | undefined;
  routesAt(offset: number): readonly LinkedRoute[];
  callerArguments(exportName: string): readonly (readonly (readonly PortableValue[])[])[];
  importedConstant(node: TSESTree.Node): { constant: PortableConstant; file: string } | undefined;
}

function projectHooks(sourceCode: TSESLint.SourceCode, eslintSettings: Readonly<Record<string, unknown>> | undefined, filename: string): ProjectHooks {
  const project = () => projectFor(filename, eslintSettings);
  /** The index with this file's summary made from ESLint's parse, before anything is linked. */
  const linked = () => {
    const index = project();
    index.record(filename, sourceCode);
    return index;
  };
  return {
    imports: (call) => {
      const ref = importRefOf(sourceCode, filename, call.callee);
      return ref ? project().returnsOf(filename, ref) : undefined;
    },
    writesAt: (offset) => linked().writesAt(filename, offset),
    writeOriginsAt: (offset) => linked().writeOriginsAt(filename, offset),
    importRef: (node) => importRefOf(sourceCode, filename, node),
    modelOf: (ref) => project().modelOf(filename, ref),
    prismaModel: (delegate) => project().prismaModel(delegate),
    tableModel: (table) => project().tableModel(table),
    follows: (ref) => project().follows(filename, ref),
    serviceFacts: (ref) => project().serviceFactsOf(filename, ref),
    routesAt: (offset) => linked().routesAt(filename, offset),
    callerArguments: (exportName) => linked().callerArguments(filename, exportName),
    importedConstant: (node) => {
      const ref = importRefOf(sourceCode, filename, node);
      return ref ? project().constantOf(filename, ref) : undefined;
    },
  };
}

/** A caller's argument, as plain values seen from the parameter that receives it. */
function fromCaller(values: readonly PortableValue[], at: TSESTree.Node): Value[] {
  return values.flatMap((value): Value[] => {
    switch (value.kind) {
      case 'untrusted':
        return [{ trust: 'untrusted', source: value.source, name: value.name, container: value.container, node: at }];
      case 'unverified':
        return [{ trust: 'unverified', name: value.name, node: at }];
      case 'verified':
        return [{ trust: 'verified', claimsPath: value.claimsPath, name: value.name, node: at }];
      default:
        return [];
    }
  });
}
