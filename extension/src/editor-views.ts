import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FileFacts } from './server-bundle';
import type { StatusItem, StatusSeverity } from './status';
import { docCandidates, parseRuleIndex, type DiagnosticRef, type RuleDoc } from './rule-docs';

/** Adapts a VS Code language status item to the controller's view interface. */
export function languageStatusView(item: vscode.LanguageStatusItem): StatusItem {
  const severities: Record<StatusSeverity, vscode.LanguageStatusSeverity> = {
    information: vscode.LanguageStatusSeverity.Information,
    warning: vscode.LanguageStatusSeverity.Warning,
    error: vscode.LanguageStatusSeverity.Error,
  };
  return {
    show(view) {
      item.text = view.text;
      item.detail = view.detail;
      item.severity = severities[view.severity];
      item.busy = view.busy;
    },
  };
}

export function statFile(path: string): FileFacts | undefined {
  try {
    const stats = statSync(path);
    return { isFile: stats.isFile(), size: stats.size };
  } catch {
    return undefined;
  }
}

export function readRuleIndex(path: string): RuleDoc[] {
  try {
    return parseRuleIndex(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}

/** "Open Rule Documentation": the rule given, the ones at the cursor, or a pick from all. */
export async function openRuleDocs(argument: unknown, rules: readonly RuleDoc[]): Promise<void> {
  const candidates = docCandidates(argument, diagnosticsAtCursor(), rules);
  const chosen = candidates.length === 1 ? candidates[0] : await pickRule(candidates);
  if (chosen === undefined) {
    if (candidates.length === 0) void vscode.window.showWarningMessage(`ClaimGuard has no rule named ${String(argument)}.`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(chosen.url));
}

async function pickRule(candidates: readonly RuleDoc[]): Promise<RuleDoc | undefined> {
  if (candidates.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(
    candidates.map((rule) => ({ label: `claimguard/${rule.name}`, detail: rule.description, rule })),
    { placeHolder: 'Open the documentation of a ClaimGuard rule' },
  );
  return picked?.rule;
}

function diagnosticsAtCursor(): DiagnosticRef[] {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return [];
  const cursor = editor.selection.active;
  return vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.range.contains(cursor))
    .map((diagnostic) => {
      const code = diagnostic.code;
      if (typeof code === 'object' && code !== null) {
        return { source: diagnostic.source, code: String(code.value), href: code.target.toString(true) };
      }
      return { source: diagnostic.source, code: code === undefined ? undefined : String(code) };
    });
}
