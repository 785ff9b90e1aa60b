import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { ClaimGuardInitializationOptions } from 'claimguard-language-server/out/protocol';
import { RestartPolicy, handleServerClosed, isConnectionLoss, type CrashReporter } from './crash-policy';

export const LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'] as const;

export const DOCUMENT_SELECTOR = LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** Where the client reports what goes wrong with the server. */
export interface ClientReporter extends CrashReporter {
  /** A start failure that is not a crash (the server refused to initialise, say): shown to the user. */
  startFailed(reason: string): void;
}

/** The language client plus the crash handling around it. */
export interface ManagedClient extends vscode.Disposable {
  readonly client: LanguageClient;
  start(): Promise<void>;
  /** Restart by hand: earlier crashes no longer count. */
  restart(): Promise<void>;
}

export function createManagedClient(
  serverModule: string,
  outputChannel: vscode.LogOutputChannel,
  reporter: ClientReporter,
): ManagedClient {
  const policy = new RestartPolicy(Date.now);
  let pendingRestart: NodeJS.Timeout | undefined;
  const cancelPendingRestart = () => {
    clearTimeout(pendingRestart);
    pendingRestart = undefined;
  };

  const start = async (): Promise<void> => {
    // Only a stopped client can start; one already starting or running needs nothing.
    if (client.state === State.Running || client.state === State.Starting) return;
    try {
      await client.start();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isConnectionLoss(error)) outputChannel.warn(`The ClaimGuard language server exited while starting: ${reason}`);
      else reporter.startFailed(reason);
    }
  };

  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    // Evaluated at every start, so a restart after trust is granted tells the server.
    initializationOptions: (): ClaimGuardInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    // The failure is reported once, by `start` above, instead of by the client as well.
    initializationFailedHandler: () => false,
    errorHandler: {
      // Transport errors (a write to a server that just died: EPIPE) are usually followed by a close, which the crash
      // handling reports once; they go to the output only. A burst of them is worth a shutdown, and a message.
      error: (_error, _message, count) => ((count ?? 0) <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown }),
      closed: () => {
        handleServerClosed(policy, reporter, (delayMs) => {
          cancelPendingRestart();
          pendingRestart = setTimeout(() => void start(), delayMs);
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  const client = new QuietOnCrashClient('claimguard', 'ClaimGuard', serverOptions, clientOptions);

  return {
    client,
    start,
    async restart() {
      cancelPendingRestart();
      policy.reset();
      if (client.state === State.Running) await client.stop();
      await start();
    },
    dispose: cancelPendingRestart,
  };
}

/** A language client that leaves reporting a vanished server to the crash handling above. */
class QuietOnCrashClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    // The client would add its own pop-up for every start or request cut short by the crash.
    super.error(message, data, isConnectionLoss(data) ? false : showNotification);
  }
}
