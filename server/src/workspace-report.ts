import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { URI } from 'vscode-uri';
import type { CancellationToken } from 'vscode-languageserver';
import { admitText } from './document-filter';
import { LINTABLE_EXTENSIONS, type LintEngine, type LintResult } from './lint-engine';
import type { ClaimGuardEditorSettings, RouteSummary, WorkspaceReport } from './protocol';
import { lowestLevel, summarizeRoute } from './routes';

/** Build output and dependencies: never the code a team writes, and often most of the files. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist']);

export interface ReportFolder {
  path: string;
  settings: ClaimGuardEditorSettings;
  /** Whether the folder's own ESLint config may be loaded. */
  trusted: boolean;
}

export interface ReportProgress {
  report(message: string, percentage?: number): void;
}

async function readGitignore(folder: string): Promise<Ignore> {
  const rules = ignore();
  try {
    rules.add(await fs.readFile(path.join(folder, '.gitignore'), 'utf8'));
  } catch {
    // No .gitignore: nothing more to skip.
  }
  return rules;
}

/** Every lintable file below `folder`, minus skipped directories and what its root .gitignore names. */
export async function listSourceFiles(folder: string): Promise<string[]> {
  const gitignore = await readGitignore(folder);
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch {
      continue; // Unreadable directories are left out rather than failing the report.
    }
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      const relative = path.relative(folder, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !gitignore.ignores(`${relative}/`)) pending.push(full);
      } else if (entry.isFile() && LINTABLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !gitignore.ignores(relative)) {
        files.push(full);
      }
    }
  }
  return files.sort();
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lints every source file of the folders and grades the codebase. Files are read and linted one at a
 * time and only route summaries are kept, so memory stays flat however large the workspace is.
 */
export async function buildWorkspaceReport(
  engine: LintEngine,
  folders: readonly ReportFolder[],
  progress: ReportProgress,
  token: CancellationToken,
): Promise<WorkspaceReport> {
  const report: WorkspaceReport = { grade: null, weakestRoutes: [], routes: [], filesAnalyzed: 0, skipped: [] };
  const work = (await Promise.all(folders.map(async (folder) => ({ folder, files: await listSourceFiles(folder.path) }))))
    .flatMap(({ folder, files }) => files.map((file) => ({ folder, file })));
  for (const [index, { folder, file }] of work.entries()) {
    if (token.isCancellationRequested) break;
    if (index % 20 === 0) {
      progress.report(`${index}/${work.length} files`, Math.round((index / Math.max(work.length, 1)) * 100));
      await nextTick(); // Lets edits and cancellations in between long runs of files.
    }
    await analyseFile(engine, folder, file, report);
  }
  report.grade = lowestLevel(report.routes);
  report.weakestRoutes = report.grade === null ? [] : report.routes.filter((route) => route.level === report.grade && !route.publicRoute);
  return report;
}

async function analyseFile(engine: LintEngine, folder: ReportFolder, file: string, report: WorkspaceReport): Promise<void> {
  const uri = URI.file(file).toString();
  try {
    const stat = await fs.stat(file);
    if (stat.size > folder.settings.maxFileSize) {
      report.skipped.push({ uri, reason: `file is ${stat.size} bytes, over claimguard.maxFileSize (${folder.settings.maxFileSize})` });
      return;
    }
    const text = await fs.readFile(file, 'utf8');
    const admission = admitText(file, text, folder.settings.maxFileSize);
    if ('skippedReason' in admission) {
      report.skipped.push({ uri, reason: admission.skippedReason });
      return;
    }
    const request = { text, filePath: file, settings: folder.settings, trustedFolder: folder.trusted ? folder.path : undefined };
    const result: LintResult | 'ignored' = folder.trusted ? await engine.lintWithProject(request) : engine.lint(request);
    if (result === 'ignored') {
      report.skipped.push({ uri, reason: "ignored by the workspace's ESLint config" });
      return;
    }
    const fatal = result.messages.find((message) => message.fatal);
    if (fatal) {
      report.skipped.push({ uri, reason: fatal.message });
      return;
    }
    report.filesAnalyzed += 1;
    report.routes.push(...result.routes.map((route): RouteSummary => summarizeRoute(uri, route, result.messages)));
  } catch (error) {
    report.skipped.push({ uri, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  }
}
