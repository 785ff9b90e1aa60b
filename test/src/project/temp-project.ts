import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';
import { ESLint, type Linter } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import { createProjectGrader, type ProjectGrader } from 'eslint-plugin-claimguard/api';

/** A project folder in the temp directory (real path, own package.json) holding `files`; the caller removes it. */
export function writeTempProject(files: Record<string, string>, name: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `claimguard-${name}-`)));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, private: true }));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/**
 * Grades the routes of a temporary project made of `files` through the project index, from a fresh index, and
 * removes the project: each route's level and first reason by `METHOD path`.
 */
export function gradeTempProject(files: Record<string, string>, name: string): Record<string, { level: string | number; reason: string }> {
  const root = writeTempProject(files, name);
  try {
    forgetProjects();
    const graded = gradeRoutes(projectFor(path.join(root, Object.keys(files)[0]!), {}).routes(), []);
    return Object.fromEntries(graded.map((route) => [`${route.linked.route.method} ${route.path}`, { level: route.grade.level, reason: route.grade.reasons[0]?.text ?? '' }]));
  } finally {
    forgetProjects();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Each route's level by `METHOD path` (see gradeTempProject). */
export function tempProjectLevels(files: Record<string, string>, name: string): Record<string, string | number> {
  return Object.fromEntries(Object.entries(gradeTempProject(files, name)).map(([route, grade]) => [route, grade.level]));
}

/** One rule's findings from a lintWithGrader run over `patterns` of `root` (all of it by default), as `file:line message` (a fatal message fails). */
export async function ruleFindings(root: string, ruleId: string, patterns: string[] = ['.']): Promise<string[]> {
  const { results } = await lintWithGrader(root, {}, patterns);
  return results.flatMap((result) =>
    result.messages.flatMap((message) => {
      if (message.fatal) throw new Error(`${result.filePath}: ${message.message}`);
      return message.ruleId === ruleId ? [`${path.relative(root, result.filePath)}:${message.line} ${message.message}`] : [];
    }),
  );
}

/**
 * The no-untrusted-authorization findings of a temporary project made of `files`, from a fresh index, cut to their
 * first clause (`app.js:8 Authorization decision uses header 'x-role'`); the project is removed afterwards.
 */
export async function untrustedDecisions(files: Record<string, string>, name: string): Promise<string[]> {
  return (await tempProjectFindings(files, name, 'claimguard/no-untrusted-authorization')).map((finding) => finding.split(',')[0]!);
}

/** One rule's findings in a temporary project made of `files`, from a fresh index, as `file:line message`; the project is removed afterwards. */
export async function tempProjectFindings(files: Record<string, string>, name: string, ruleId: string): Promise<string[]> {
  const root = writeTempProject(files, name);
  try {
    return await ruleFindings(root, ruleId);
  } finally {
    forgetProjects();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Where one rule reports in a temporary project made of `files`: `file:line` of each finding. */
export async function tempProjectFindingLines(files: Record<string, string>, name: string, ruleId: string): Promise<string[]> {
  return (await tempProjectFindings(files, name, ruleId)).map((finding) => finding.split(' ')[0]!);
}

/**
 * A real ESLint run with the strict config (and `rules` on top) over `patterns` of a project folder from a fresh index, with the
 * command's grader fed every linted file as the `claimguard` command feeds it.
 */
export async function lintWithGrader(root: string, rules: Linter.RulesRecord = {}, patterns: string[] = ['.']): Promise<{ results: ESLint.LintResult[]; grader: ProjectGrader }> {
  forgetProjects();
  const grader = createProjectGrader();
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      ...(plugin.configs.strict as never[]),
      {
        files: ['**/*.{js,ts}'],
        plugins: { probe: { rules: { capture: { create: (context) => ({ 'Program:exit': () => grader.add({ filename: context.filename, sourceCode: context.sourceCode as never, settings: context.settings }) }) } } } },
        rules: { 'probe/capture': 'error', ...rules },
      },
    ],
  });
  return { results: await eslint.lintFiles(patterns), grader };
}
