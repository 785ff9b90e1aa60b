import type { Linter } from 'eslint';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { FindingDetail, LintResult } from './lint-engine';
import { ruleDocsUrl } from './lint-engine';
import type { ClaimGuardDiagnosticData } from './protocol';

type Span = FindingDetail['span'];

/** ESLint messages use 1-based lines and columns; LSP positions are 0-based. Both count UTF-16 units. */
export function messageRange(message: Linter.LintMessage): Range {
  const start = { line: Math.max(message.line - 1, 0), character: Math.max(message.column - 1, 0) };
  if (message.endLine === undefined || message.endColumn === undefined) {
    return { start, end: { line: start.line, character: start.character + 1 } };
  }
  return { start, end: { line: message.endLine - 1, character: message.endColumn - 1 } };
}

/** ESTree spans have 1-based lines and 0-based columns. */
export function spanRange(span: Span): Range {
  return {
    start: { line: span.start.line - 1, character: span.start.column },
    end: { line: span.end.line - 1, character: span.end.column },
  };
}

const detailKey = (ruleId: string, line: number, column: number) => `${ruleId}@${line}:${column}`;

/**
 * Pairs each message with the detail its rule recorded for it, by rule id and start position. Rules
 * record details in report order, so several findings at one spot are paired first to first.
 */
export function pairDetails(result: LintResult): (FindingDetail | undefined)[] {
  const queues = new Map<string, FindingDetail[]>();
  for (const detail of result.details) {
    const key = detailKey(detail.ruleId, detail.span.start.line, detail.span.start.column + 1);
    const queue = queues.get(key) ?? [];
    queue.push(detail);
    queues.set(key, queue);
  }
  return result.messages.map((message) =>
    message.ruleId ? queues.get(detailKey(message.ruleId, message.line, message.column))?.shift() : undefined,
  );
}

export function toDiagnostics(result: LintResult, uri: string): Diagnostic[] {
  const details = pairDetails(result);
  return result.messages.map((message, index) => toDiagnostic(message, details[index], uri));
}

function toDiagnostic(message: Linter.LintMessage, detail: FindingDetail | undefined, uri: string): Diagnostic {
  const data: ClaimGuardDiagnosticData = {
    ruleId: message.ruleId,
    level: detail?.level ?? null,
    origin: detail?.origin ? { description: detail.origin.description, range: spanRange(detail.origin.span) } : null,
  };
  const diagnostic: Diagnostic = {
    range: messageRange(message),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'claimguard',
    message: message.message,
    data,
  };
  if (message.ruleId) {
    diagnostic.code = message.ruleId;
    const href = ruleDocsUrl(message.ruleId);
    if (href) diagnostic.codeDescription = { href };
  }
  if (detail?.origin) {
    diagnostic.relatedInformation = [
      { location: { uri, range: spanRange(detail.origin.span) }, message: `Value from ${detail.origin.description}` },
    ];
  }
  return diagnostic;
}

/** Shown when ESLint itself fails on a file (a crashing rule, a broken parser), so the user sees why. */
export function failureDiagnostic(error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'claimguard',
    message: `ClaimGuard could not analyse this file: ${text.split('\n')[0]}`,
    data: { ruleId: null, level: null, origin: null } satisfies ClaimGuardDiagnosticData,
  };
}
