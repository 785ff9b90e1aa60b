/** What to do after the language server's connection closed unexpectedly. */
export interface CrashDecision {
  restart: boolean;
  /** How long to wait before restarting, so a server that dies at start-up does not spin. */
  delayMs: number;
  /** Shown to the user when the server is given up on. */
  message?: string;
}

export interface CrashLimits {
  /** This many crashes inside `windowMs` stop the restarts. */
  maxCrashes: number;
  windowMs: number;
  /** First restart delay; doubled after each further crash in the window, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CRASH_LIMITS: CrashLimits = {
  maxCrashes: 5,
  windowMs: 3 * 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/** Restarts a crashing server with exponential backoff and gives up after repeated crashes. */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly limits: CrashLimits = DEFAULT_CRASH_LIMITS,
  ) {}

  recordCrash(): CrashDecision {
    const time = this.now();
    this.crashes = this.crashes.filter((at) => time - at < this.limits.windowMs);
    this.crashes.push(time);
    const count = this.crashes.length;
    if (count >= this.limits.maxCrashes) {
      return { restart: false, delayMs: 0, message: givingUpMessage(count, this.limits.windowMs) };
    }
    const delayMs = Math.min(this.limits.baseDelayMs * 2 ** (count - 1), this.limits.maxDelayMs);
    return { restart: true, delayMs };
  }

  /** Called when the user restarts the server by hand: the old crashes no longer count. */
  reset(): void {
    this.crashes = [];
  }
}

function givingUpMessage(count: number, windowMs: number): string {
  const minutes = Math.round(windowMs / 60_000);
  return (
    `The ClaimGuard language server stopped ${count} times in the last ${minutes} minutes and will not be ` +
    `restarted. The ClaimGuard output shows why; run "ClaimGuard: Restart Server" to try again.`
  );
}

/** Where crash handling talks to the user. */
export interface CrashReporter {
  /** A line in the ClaimGuard output. */
  log(message: string): void;
  /** A visible error: the server will stay down until the user restarts it. */
  giveUp(message: string): void;
}

/**
 * Decides, after the server's connection closed unexpectedly, whether to start it again, and if so
 * asks for a start after the backoff delay. The client itself is never told to restart at once: while
 * it waits in a running state its features would keep sending requests into the closed connection.
 */
export function handleServerClosed(
  policy: RestartPolicy,
  reporter: CrashReporter,
  restartLater: (delayMs: number) => void,
): void {
  const decision = policy.recordCrash();
  if (!decision.restart) {
    reporter.giveUp(decision.message ?? 'The ClaimGuard language server stopped.');
    return;
  }
  reporter.log(`The ClaimGuard language server stopped; restarting in ${decision.delayMs} ms.`);
  restartLater(decision.delayMs);
}

/** JSON-RPC's code for requests still pending when the connection went away. */
const PENDING_RESPONSE_REJECTED = -32097;

/**
 * True when a failed start or request only means the server process went away: the close handler
 * deals with that, so the failure itself is logged rather than shown.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === PENDING_RESPONSE_REJECTED) return true;
  return typeof message === 'string' && /connection (is|got) disposed|connection got closed/i.test(message);
}
