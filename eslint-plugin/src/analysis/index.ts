import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { readSettings, type ClaimGuardSettings } from './settings';
import type { Decision, FunctionNode, PrivilegeWrite, TrustValue } from './types';
import { FileIndex } from './file-index';
import { claimsPathOfLibraries } from './frameworks';
import { ValueEvaluator, type Value } from './values';
import { importRefOf } from './imports';
import type { PortableValue } from './portable';
import { projectFor } from '../project/index';
import { findDecisions } from './decisions';
import { findRequestWrites, settleValues, type RequestWrite, type WrittenTrust } from './request-writes';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { memberName } from './syntax';

export type { ClaimGuardSettings } from './settings';
export { SettingsError } from './settings';
export * from './types';
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
  private facts: ReturnType<typeof findDecisions> | undefined;
  private claimReads: { claimsPath: string | undefined; names: string[]; reads: ClaimsRead[] } | undefined;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    readonly settings: ClaimGuardSettings,
    private readonly project?: ProjectHooks,
  ) {
    this.index = new FileIndex(sourceCode);
    this.evaluator = new ValueEvaluator(sourceCode, this.index, settings, project?.imports);
  }

  returnsOf(fn: FunctionNode): readonly Value[] {
    return this.evaluator.returnValues(fn);
  }

  private readonly writesByFunction = new Map<FunctionNode | null, ReadonlyMap<string, WrittenTrust> | undefined>();

  settle(values: readonly TrustValue[], at: TSESTree.Node): TrustValue[] {
    if (!this.project || !values.some((value) => value.trust === 'pending' || value.trust === 'untrusted')) return [...values];
    const fn = this.index.functionContaining(at);
    if (!this.writesByFunction.has(fn)) this.writesByFunction.set(fn, this.project.writesAt(fn?.range[0] ?? at.range[0]));
    return settleValues(values, this.writesByFunction.get(fn));
  }

  private writes: RequestWrite[] | undefined;

  get requestWrites(): readonly RequestWrite[] {
    this.writes ??= findRequestWrites(this.index, this.evaluator);
    return this.writes;
  }

  private get computed(): ReturnType<typeof findDecisions> {
    this.facts ??= findDecisions(this.index, this.evaluator, this.sourceCode, this.settings);
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
  const analysis = new LazyFileAnalysis(sourceCode, readSettings(eslintSettings), project);
  analyses.set(sourceCode, { settings: raw, analysis });
  return analysis;
}

/** What a file's analysis asks its project's index: other files' functions it calls, the routes reaching its code. */
interface ProjectHooks {
  imports(call: TSESTree.CallExpression): readonly PortableValue[] | undefined;
  writesAt(offset: number): ReadonlyMap<string, WrittenTrust> | undefined;
}

function projectHooks(sourceCode: TSESLint.SourceCode, eslintSettings: Readonly<Record<string, unknown>> | undefined, filename: string): ProjectHooks {
  const project = () => projectFor(filename, eslintSettings);
  return {
    imports: (call) => {
      const ref = importRefOf(sourceCode, filename, call.callee);
      return ref ? project().returnsOf(filename, ref) : undefined;
    },
    writesAt: (offset) => {
      const index = project();
      index.record(filename, sourceCode);
      return index.writesAt(filename, offset);
    },
  };
}
