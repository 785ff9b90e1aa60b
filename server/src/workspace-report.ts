import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { CancellationToken } from 'vscode-languageserver';
import { admitText } from './document-filter';
import type { Linter } from 'eslint';
import { commandFiles, createProjectGrader, lowestLevel, type ProjectFile } from 'eslint-plugin-claimguard/api';
import type { LintEngine } from './lint-engine';
import type { ClaimGuardEditorSettings, WorkspaceReport } from './protocol';
import { summarizeRoute } from './routes';

export interface ReportFolder {
  path: string;
  settings: ClaimGuardEditorSettings;
  /** Whether the folder's own ESLint config may be loaded. */
  trusted: boolean;
}

export interface ReportProgress {
  report(message: string, percentage?: number): void;
}

/** The unsaved text of an open document, which stands in for its file as everywhere else in the editor. */
export type OpenText = (file: string) => string | undefined;

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A workspace folder and the folders nested in it, graded as one project so routes count once. */
interface ProjectGroup {
  root: string;
  members: ReportFolder[];
}

/**
 * Nested workspace folders (a monorepo and one of its packages) join the outermost one: every file is analysed
 * once, under the settings of its innermost folder, and routes can be joined across the whole tree.
 */
export function groupFolders(folders: readonly ReportFolder[]): ProjectGroup[] {
  const sorted = [...folders].sort((a, b) => a.path.length - b.path.length);
  const groups: ProjectGroup[] = [];
  for (const folder of sorted) {
    const outer = groups.find((group) => isInside(folder.path, group.root));
    if (outer) outer.members.push(folder);
    else groups.push({ root: folder.path, members: [folder] });
  }
  return groups;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The innermost member folder that holds `file`: its settings and trust apply. */
function folderOf(group: ProjectGroup, file: string): ReportFolder {
  return group.members.filter((member) => isInside(file, member.path)).sort((a, b) => b.path.length - a.path.length)[0] ?? group.members[0]!;
}

type ReportedMessage = Pick<Linter.LintMessage, 'ruleId' | 'message' | 'line' | 'column'>;

function reportedMessage({ ruleId, message, line, column }: Linter.LintMessage): ReportedMessage {
  return { ruleId, message, line, column };
}

/** What the report needs of one analysed file: its findings, and its parse for the project grader to summarize. */
interface AnalysedFile {
  uri: string;
  messages: Linter.LintMessage[];
  source: ProjectFile;
}

/**
 * Lints every source file of the folders and grades the codebase as the `claimguard` command grades a project
 * (the plugin's project grader): routes joined with the files that mount them and the middleware they import.
 * Files are read and linted one at a time and handed to the grader, which keeps their summaries, not their parses.
 */
export async function buildWorkspaceReport(
  engine: LintEngine,
  folders: readonly ReportFolder[],
  progress: ReportProgress,
  token: CancellationToken | undefined,
  openText: OpenText = () => undefined,
): Promise<WorkspaceReport> {
  const report: WorkspaceReport = { grade: null, weakestRoutes: [], routes: [], filesAnalyzed: 0, skipped: [] };
  // The files the `claimguard` command lints, so both grade the same codebase.
  const groups = await Promise.all(groupFolders(folders).map(async (group) => ({ group, files: await commandFiles(group.root) })));
  const total = groups.reduce((sum, { files }) => sum + files.length, 0);
  let done = 0;
  for (const { group, files } of groups) {
    const grader = createProjectGrader();
    const findings = new Map<string, { uri: string; messages: readonly ReportedMessage[] }>();
    for (const file of files) {
      if (token?.isCancellationRequested) return report;
      if (done % 20 === 0) {
        progress.report(`${done}/${total} files`, Math.round((done / Math.max(total, 1)) * 100));
        await nextTick(); // Lets edits and cancellations in between long runs of files.
      }
      done += 1;
      const analysed = await analyseFile(engine, folderOf(group, file), file, report, openText(file));
      if (!analysed) continue;
      // Kept until every file is graded: only what a route's findings list shows, not the fixes and suggestions.
      findings.set(analysed.source.filename, { uri: analysed.uri, messages: analysed.messages.map(reportedMessage) });
      grader.add(analysed.source);
    }
    report.routes.push(...grader.routes().map((route) => summarizeRoute(URI.file(route.file).toString(), route, (path) => findings.get(path))));
  }
  report.routes.sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line || a.method.localeCompare(b.method));
  report.grade = lowestLevel(report.routes);
  // At Level 3 nothing pulls the grade down.
  report.weakestRoutes = report.grade === null || report.grade === 3
    ? []
    : report.routes.filter((route) => route.protectedRoute && !route.publicRoute && route.level === report.grade);
  return report;
}

async function analyseFile(engine: LintEngine, folder: ReportFolder, file: string, report: WorkspaceReport, unsaved: string | undefined): Promise<AnalysedFile | undefined> {
  const uri = URI.file(file).toString();
  try {
    const stat = unsaved === undefined ? await fs.stat(file) : undefined;
    if (stat && stat.size > folder.settings.maxFileSize) {
      report.skipped.push({ uri, reason: `file is ${stat.size} bytes, over claimguard.maxFileSize (${folder.settings.maxFileSize})` });
      return undefined;
    }
    const text = unsaved ?? (await fs.readFile(file, 'utf8'));
    const admission = admitText(file, text, folder.settings.maxFileSize);
    if ('skippedReason' in admission) {
      report.skipped.push({ uri, reason: admission.skippedReason });
      return undefined;
    }
    const request = { text, filePath: admission.filePath, settings: folder.settings, trustedFolder: folder.trusted ? folder.path : undefined };
    const result = await engine.lint(request, { keepSource: true });
    if ('ignored' in result) {
      report.skipped.push({ uri, reason: result.ignored });
      return undefined;
    }
    const fatal = result.messages.find((message) => message.fatal);
    if (fatal || !result.source) {
      report.skipped.push({ uri, reason: fatal?.message ?? 'not analysed' });
      return undefined;
    }
    report.filesAnalyzed += 1;
    return { uri, messages: result.messages, source: result.source };
  } catch (error) {
    report.skipped.push({ uri, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
    return undefined;
  }
}
