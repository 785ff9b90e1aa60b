/**
 * ClaimGuard's own LSP messages, shared by the server and the VS Code extension.
 * Everything here uses the `claimguard/` method prefix.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type RouteLevel = 0 | 1 | 2 | 3 | 'unauthenticated' | 'unknown';

/** Settings under `claimguard.*`, read per resource through `workspace/configuration`. */
export interface ClaimGuardEditorSettings {
  enable: boolean;
  /** Severity per rule name (without prefix): 'off' | 'warn' | 'error'. Unlisted rules use the recommended config. */
  rules: Record<string, 'off' | 'warn' | 'error'>;
  /** Routes below this level are reported by `maturity-level`. */
  minimumLevel: 0 | 1 | 2 | 3;
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
  /** 0-based LSP position of the registration. */
  line: number;
  character: number;
  level: RouteLevel;
  reasons: string[];
  nextStep: string;
  publicRoute: boolean;
  /** The findings in the route's file that hold it down: rule id, message, 0-based line. */
  findings: { ruleId: string; message: string; line: number }[];
}

export interface WorkspaceReport {
  /** The lowest level of the protected routes; null when there are none. */
  grade: RouteLevel | null;
  /** Routes that pull the grade down (at the grade's level). */
  weakestRoutes: RouteSummary[];
  routes: RouteSummary[];
  filesAnalyzed: number;
  skipped: { uri: string; reason: string }[];
}

export namespace WorkspaceReportRequest {
  export const method = 'claimguard/workspaceReport';
  export const type = new RequestType<Record<string, never>, WorkspaceReport, void>(method);
}

export interface StatusParams {
  uri: string;
  /** The file's level: the lowest of its protected routes; null when it has none. */
  level: RouteLevel | null;
  findings: number;
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
