import type { StatusParams } from 'claimguard-language-server/out/protocol';
import { isRouteLevel, levelLabel } from './levels';

export type StatusSeverity = 'information' | 'warning' | 'error';

/** What the language status item shows for one file. */
export interface StatusView {
  text: string;
  detail: string;
  severity: StatusSeverity;
  busy: boolean;
}

/** Validation slower than this is flagged, so users know why diagnostics lag. */
export const SLOW_VALIDATION_MS = 1000;

/** Turns the server's `claimguard/status` for a file into what the status item shows. */
export function describeStatus(status: StatusParams | undefined): StatusView {
  if (status === undefined) {
    return { text: 'ClaimGuard', detail: 'Waiting for the first analysis', severity: 'information', busy: true };
  }
  if (typeof status.skippedReason === 'string' && status.skippedReason !== '') {
    return { text: 'ClaimGuard: skipped', detail: status.skippedReason, severity: 'error', busy: false };
  }
  const level = isRouteLevel(status.level) ? status.level : null;
  const findings = Number.isFinite(status.findings) ? status.findings : 0;
  const text = `${levelLabel(level)} · ${findings === 1 ? '1 finding' : `${findings} findings`}`;
  const ms = Number.isFinite(status.validationMs) ? status.validationMs : 0;
  if (ms > SLOW_VALIDATION_MS) {
    const seconds = (ms / 1000).toFixed(1);
    return { text, detail: `Slow: the last analysis took ${seconds} s`, severity: 'warning', busy: false };
  }
  return { text, detail: statusDetail(status), severity: 'information', busy: false };
}

/** What the level means for this file, routes the grade leaves out, and which configuration applied. */
function statusDetail(status: StatusParams): string {
  const parts = ['API Security Maturity of this file'];
  const ungraded = Number.isInteger(status.ungradedRoutes) ? (status.ungradedRoutes as number) : 0;
  if (ungraded > 0) {
    const routes = ungraded === 1 ? '1 route has' : `${ungraded} routes have`;
    parts.push(`${routes} no authentication and no access decision: not graded (allow-list public routes in publicRoutes)`);
  }
  if (typeof status.configuration === 'string' && status.configuration !== '') parts.push(`Configuration: ${status.configuration}`);
  return parts.join('. ');
}

const STOPPED_VIEW: StatusView = {
  text: 'ClaimGuard: stopped',
  detail: 'The language server stopped after repeated crashes; run "ClaimGuard: Restart Server"',
  severity: 'error',
  busy: false,
};

/** The part of the status item the controller writes to. */
export interface StatusItem {
  show(view: StatusView): void;
}

/** Keeps the last status of every open file and shows the one of the active editor. */
export class StatusController {
  private readonly byUri = new Map<string, StatusParams>();
  private stopped = false;

  constructor(
    private readonly item: StatusItem,
    private readonly activeUri: () => string | undefined,
  ) {}

  /** A `claimguard/status` notification arrived. */
  update(status: StatusParams): void {
    if (typeof status?.uri !== 'string') return;
    this.stopped = false;
    this.byUri.set(status.uri, status);
    if (status.uri === this.activeUri()) this.render();
  }

  /** The active editor changed. */
  render(): void {
    if (this.stopped) {
      this.item.show(STOPPED_VIEW);
      return;
    }
    const uri = this.activeUri();
    this.item.show(describeStatus(uri === undefined ? undefined : this.byUri.get(uri)));
  }

  /** A file was closed: its status would be stale when it is opened again. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** The server was given up on after repeated crashes: say so instead of showing stale levels. */
  serverStopped(): void {
    this.byUri.clear();
    this.stopped = true;
    this.render();
  }

  /** The server restarted: every file is analysed anew. */
  clear(): void {
    this.stopped = false;
    this.byUri.clear();
    this.render();
  }
}
