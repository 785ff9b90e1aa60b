import type { Linter } from 'eslint';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from './lint-engine';
import { FIX_ALL_KIND, ServerCommands } from './protocol';

/** A validated document: its text, and the messages and diagnostics of that exact text. */
export interface ValidatedText {
  document: TextDocument;
  messages: readonly Linter.LintMessage[];
  diagnostics: readonly Diagnostic[];
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function editFor(document: TextDocument, fix: { range: [number, number]; text: string }): TextEdit {
  return {
    range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) },
    newText: fix.text,
  };
}

function quickFix(title: string, document: TextDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: edits } },
  };
}

/** Quick fixes for one message: its autofix, its suggestions, and the ways to silence or read up on it. */
function actionsForMessage(
  validated: ValidatedText,
  message: Linter.LintMessage,
  diagnostic: Diagnostic,
  seen: Set<string>,
): CodeAction[] {
  const { document } = validated;
  const ruleId = message.ruleId as string;
  const actions: CodeAction[] = [];
  if (message.fix) {
    const action = quickFix(`Fix this ${ruleId} problem`, document, diagnostic, [editFor(document, message.fix)]);
    action.isPreferred = true;
    actions.push(action);
  }
  for (const suggestion of message.suggestions ?? []) {
    actions.push(quickFix(`${suggestion.desc} (${ruleId})`, document, diagnostic, [editFor(document, suggestion.fix)]));
  }
  actions.push(quickFix(`Disable ${ruleId} for this line`, document, diagnostic, [disableLineEdit(document, diagnostic.range.start.line, ruleId)]));
  if (!seen.has(ruleId)) {
    seen.add(ruleId);
    actions.push(quickFix(`Disable ${ruleId} for this file`, document, diagnostic, [disableFileEdit(document, ruleId)]));
    const url = ruleDocsUrl(ruleId);
    if (url) {
      actions.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${ruleId}`, command: ServerCommands.showDocumentation, arguments: [url] },
      });
    }
  }
  return actions;
}

/** `// eslint-disable-next-line` above the line, indented like it so formatters leave it alone. */
function disableLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${indent}// eslint-disable-next-line ${ruleId}\n` };
}

/** A block comment at the top, below a shebang, which must stay on the first line. */
function disableFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const line = document.getText().startsWith('#!') ? 1 : 0;
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `/* eslint-disable ${ruleId} */\n` };
}

export function buildCodeActions(
  validated: ValidatedText,
  params: CodeActionParams,
  fixAllText: () => Promise<string | undefined>,
): Promise<CodeAction[]> | CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(params, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    validated.messages.forEach((message, index) => {
      const diagnostic = validated.diagnostics[index];
      if (!message.ruleId || !diagnostic || !overlaps(diagnostic.range, params.range)) return;
      actions.push(...actionsForMessage(validated, message, diagnostic, seen));
    });
  }
  const anyFixable = validated.messages.some((message) => message.fix);
  if (!anyFixable || !wants(params, FIX_ALL_KIND)) return actions;
  return fixAllText().then((fixed) => {
    if (fixed !== undefined) actions.push(fixAllAction(validated.document, fixed));
    return actions;
  });
}

/** One edit over the whole text: ESLint's fix passes can overlap, so their result is applied as a unit. */
function fixAllAction(document: TextDocument, fixed: string): CodeAction {
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  return {
    title: 'Fix all auto-fixable ClaimGuard problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: [{ range: whole, newText: fixed }] } },
  };
}
