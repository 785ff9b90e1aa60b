import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dependentFiles, fileChanged } from 'eslint-plugin-claimguard/api';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';

/**
 * What the editor tells the server about files besides their open text: which documents are open (their text
 * replaces the file on disk in the project index), and which of them to analyse again.
 */
export interface LiveIndexHost {
  /** The open document linted under `filePath`, if any. */
  openDocument(filePath: string): string | undefined;
  /** Every open document's URI. */
  openDocuments(): readonly string[];
  /** The results of these open documents are out of date: analyse them again and tell the client. */
  revalidate(uris: readonly string[]): void;
}

/** File events are gathered this long, so a checkout or a formatter's burst costs one pass, not one per file. */
const FILE_EVENT_DELAY_MS = 50;

/**
 * Files whose change can alter how every file resolves its imports or which files the project has: package
 * `imports`/`exports`, tsconfig `paths`, ignore files. They reach no route, so every open document is redone.
 */
const PROJECT_FILES = new Set(['package.json', 'jsconfig.json', '.gitignore']);

function isProjectFile(filePath: string): boolean {
  const base = path.basename(filePath);
  return PROJECT_FILES.has(base) || (base.startsWith('tsconfig') && base.endsWith('.json'));
}

/** The watchers the server asks a client for: sources, and the files that change how they link. */
export const WATCHED_GLOBS = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}', '**/{package.json,jsconfig.json,.gitignore}', '**/tsconfig*.json'];

/**
 * Keeps the plugin's project index in step with the editor. Linting an open document records its text in the
 * index (the rules do it); this adds what the lint cannot see: a closed document's unsaved text stops counting,
 * files changed on disk are read again, and open documents whose routes run code of a changed file are analysed
 * again. Changes are gathered and handled in one pass, so a burst of edits or file events costs one round of
 * work per dependent document, however long the burst.
 */
export class LiveIndex {
  /** Hash of the text the index last had of each file the editor changed. */
  private readonly known = new Map<string, string>();
  /** Each changed file's dependents as last computed: a change can end a dependency as well as start one. */
  private readonly dependents = new Map<string, readonly string[]>();
  private readonly pending = new Set<string>();
  private everything = false;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = 0;

  constructor(private readonly host: LiveIndexHost) {}

  /**
   * After an open document's current text was linted (and so recorded in the index): when it differs from what
   * the index had, its dependents are redone. The first text of a document is compared with the file on disk.
   */
  validated(filePath: string, text: string, diskPath: string): void {
    const hash = hashOf(text);
    const before = this.known.get(filePath) ?? hashOfFile(diskPath);
    this.known.set(filePath, hash);
    if (before === hash) {
      // Nothing changed for others; remember who depends on the file, in case a later edit ends that.
      if (!this.dependents.has(filePath)) this.dependents.set(filePath, dependentFiles(filePath));
      return;
    }
    this.queue([filePath], 0);
  }

  /** A document was closed: the file on disk counts again; if the editor had unsaved text, dependents are redone. */
  closed(filePath: string, diskPath: string): void {
    fileChanged(filePath);
    if (filePath !== diskPath) fileChanged(diskPath);
    const unsaved = this.known.has(filePath) && this.known.get(filePath) !== hashOfFile(diskPath);
    this.known.delete(filePath);
    if (unsaved) this.queue([filePath], 0);
    else this.dependents.delete(filePath);
  }

  /** `workspace/didChangeWatchedFiles`: files created, changed or deleted on disk. */
  filesChanged(events: readonly FileEvent[]): void {
    const changed: string[] = [];
    for (const event of events) {
      const uri = URI.parse(event.uri);
      if (uri.scheme !== 'file') continue;
      const filePath = uri.fsPath;
      // An open document's text rules over the file on disk (a save arrives as an edit first).
      if (this.host.openDocument(filePath) !== undefined && event.type === FileChangeType.Changed) continue;
      if (isProjectFile(filePath)) this.everything = true;
      changed.push(filePath);
    }
    if (changed.length > 0) this.queue(changed, FILE_EVENT_DELAY_MS);
  }

  private queue(files: readonly string[], delay: number): void {
    for (const file of files) this.pending.add(file);
    const due = Date.now() + delay;
    if (this.timer && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** One pass over every change gathered: old dependents, then the index told, then the new dependents. */
  private flush(): void {
    this.timer = undefined;
    const files = [...this.pending];
    this.pending.clear();
    const everything = this.everything;
    this.everything = false;
    const affected = new Set<string>();
    for (const file of files) for (const dependent of this.dependents.get(file) ?? dependentFiles(file)) affected.add(dependent);
    // Edited documents are already recorded; files on disk are read again on next need.
    for (const file of files) if (!this.known.has(file)) fileChanged(file);
    for (const file of files) {
      const now = dependentFiles(file);
      this.dependents.set(file, now);
      for (const dependent of now) affected.add(dependent);
    }
    const uris = everything
      ? this.host.openDocuments()
      : [...affected].flatMap((file) => this.host.openDocument(file) ?? []);
    if (uris.length > 0) this.host.revalidate(uris);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }
}

function hashOf(text: string): string {
  return crypto.createHash('sha1').update(text).digest('base64');
}

function hashOfFile(file: string): string | undefined {
  try {
    return hashOf(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
