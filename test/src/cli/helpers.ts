import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(ROOT, 'eslint-plugin/bin/claimguard.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that change the command's output; each test sets the ones it is about. */
const OUTPUT_VARIABLES = ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'TERM'];

export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of OUTPUT_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

/** Runs the real command, by default from the fixtures folder, as a user would from their project. */
export function claimguard(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? FIXTURES, env: cleanEnv(options.env), encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  severity: string;
  message: string;
  fingerprint: string;
  origin?: { description: string; line: number; column: number };
  suppressions?: { kind: string; justification: string }[];
}

export interface JsonRoute {
  method: string;
  path: string;
  file: string;
  line: number;
  level: number | string;
  reasons: string[];
  publicRoute: boolean;
  protectedRoute: boolean;
  recordedLevel?: number | string;
}

export interface JsonReport {
  version: number;
  grade: number | string | null;
  routes: JsonRoute[];
  weakestRoutes: JsonRoute[];
  findings: JsonFinding[];
  suppressed: JsonFinding[];
  skipped: { file: string; reason: string }[];
  filesAnalyzed: number;
  errorCount: number;
  warningCount: number;
  ignoredInlineConfig: { file: string; line: number; text: string }[];
  configurations: string[];
}

export function jsonReport(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): JsonReport {
  const run = claimguard([...args, '--format', 'json'], options);
  assert.ok(run.status === 0 || run.status === 1, `claimguard exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

export function route(report: JsonReport, method: string, routePath: string): JsonRoute {
  const found = report.routes.find((candidate) => candidate.method === method && candidate.path === routePath);
  assert.ok(found, `no route ${method} ${routePath} in ${JSON.stringify(report.routes.map((r) => `${r.method} ${r.path}`))}`);
  return found;
}

/** A project written to a temporary folder, outside the repository, from file names and contents. */
export class TempProject {
  readonly dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-cli-')));

  constructor(files: Record<string, string> = {}) {
    this.write(files);
  }

  write(files: Record<string, string>): this {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(this.dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    return this;
  }

  read(name: string): string {
    return fs.readFileSync(path.join(this.dir, name), 'utf8');
  }

  exists(name: string): boolean {
    return fs.existsSync(path.join(this.dir, name));
  }

  path(name = ''): string {
    return path.join(this.dir, name);
  }

  run(args: readonly string[], env?: NodeJS.ProcessEnv): Run {
    return claimguard(args, { cwd: this.dir, ...(env ? { env } : {}) });
  }

  json(args: readonly string[], env?: NodeJS.ProcessEnv): JsonReport {
    return jsonReport(args, { cwd: this.dir, ...(env ? { env } : {}) });
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Express with a verified token pinned on every check, so only what a test adds is a finding. */
export const VERIFIED_APP_HEADER = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');

const app = express();
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' });
`;
