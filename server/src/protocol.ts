/**
 * ClaimGuard's own LSP messages, shared by the server and the VS Code extension.
 * Everything here uses the `claimguard/` method prefix.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type RouteLevel = 0 | 1 | 2 | 3 | 'unauthenticated' | 'unknown';

/** Settings under `claimguard.*`, read per resource through `workspace/configuration`. */
export interface ClaimGuardEditorSettings {
  enable: boolean;
  /**
   * Severity per rule name (without prefix): 'off' | 'warn' | 'error'. Unlisted rules keep their severity from
   * the configuration that applies (the bundled `recommended` rules, or the trusted workspace's own).
   */
  rules: Record<string, 'off' | 'warn' | 'error'>;
  /**
   * Routes below this level are reported by `maturity-level`, which a level set here turns on. Null: the level
   * and the rule's severity come from the configuration that applies, as in `eslint` and the `claimguard` command.
   */
  minimumLevel: 0 | 1 | 2 | 3 | null;
  /** Same shape as ESLint's `settings.claimguard` (extra sources, verified claims, trusted headers…). */
  settings: Record<string, unknown>;
  codeLens: { enable: boolean };
  /** Files larger than this many bytes are skipped, with a status reason. */
  maxFileSize: number;
  /** Use the workspace's own eslint config; honoured only when the client says the workspace is trusted. */
  useWorkspaceConfig: boolean;
}

/** What the client passes in `initializationOptions`. */
export interface ClaimGuardInitializationOptions {
  /** False in VS Code's Restricted Mode: the workspace's own configuration and plugins are never loaded. */
  workspaceTrusted?: boolean;
}

export interface RouteSummary {
  uri: string;
  method: string;
  path: string;
  /** Where one endpoint serves many operations (GraphQL): the operation, `Query.invoice`. */
  operation?: string;
  /** 0-based LSP position of the registration. */
  line: number;
  character: number;
  level: RouteLevel;
  reasons: string[];
  nextStep: string;
  publicRoute: boolean;
  /** False for a route with no authentication and no access decision: it does not count towards the grade. */
  protectedRoute: boolean;
  /** The findings that hold the route down, in its file or another one: rule id, message, file, 0-based line. */
  findings: { ruleId: string; message: string; uri: string; line: number }[];
}

/**
 * The workspace graded as the `claimguard` command grades a project: every file linted, routes joined with the
 * files that mount them and the middleware they import.
 */
export interface WorkspaceReport {
  /** The lowest level of the protected routes (`unauthenticated` below Level 0); null when there are none. */
  grade: RouteLevel | null;
  /** Routes that pull the grade down (at the grade's level). */
  weakestRoutes: RouteSummary[];
  routes: RouteSummary[];
  filesAnalyzed: number;
  skipped: { uri: string; reason: string }[];
  /** What the reader should know about how the report was made (some routes graded file by file, say). */
  notes?: string[];
}

export namespace WorkspaceReportRequest {
  export const method = 'claimguard/workspaceReport';
  export const type = new RequestType<Record<string, never>, WorkspaceReport, void>(method);
}

export interface StatusParams {
  uri: string;
  /**
   * The file's level: the lowest of its protected routes (`unauthenticated` below Level 0); `unknown` when every
   * protected route depends on code in other files; null when it has no protected route.
   */
  level: RouteLevel | null;
  findings: number;
  /** Routes with no authentication and no access decision: not graded (they may be public), but not hidden either. */
  ungradedRoutes?: number;
  /** Which configuration applied to the file, e.g. "ClaimGuard's bundled configuration (recommended rules)". */
  configuration?: string;
  /** Milliseconds the last validation took. */
  validationMs: number;
  /** Set when the file was not analysed (too large, binary, parse error…). */
  skippedReason?: string;
}

export namespace StatusNotification {
  export const method = 'claimguard/status';
  export const type = new NotificationType<StatusParams>(method);
}

/** `Diagnostic.data` of every ClaimGuard diagnostic; `ruleId` is null for a parse error. */
export interface ClaimGuardDiagnosticData {
  ruleId: string | null;
  /** The maturity level the finding keeps its route at, when the rule knows it. */
  level: RouteLevel | null;
  /** Where the untrusted, decoded or weak value came from, e.g. "header 'x-role'", with its 0-based LSP range. */
  origin: {
    description: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  } | null;
}

/** Commands the server executes through `workspace/executeCommand`. */
export namespace ServerCommands {
  /** Arguments: `[url: string]`. Opens a rule's documentation through `window/showDocument`. */
  export const showDocumentation = 'claimguard.server.showDocumentation';
}

/** The code action kind of "Fix all auto-fixable ClaimGuard problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.claimguard';
