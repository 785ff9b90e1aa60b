import { format } from 'node:util';
import * as v8 from 'node:v8';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection, type Connection } from 'vscode-languageserver/node';
import { startServer, type ServerHandle } from './server';

/**
 * Over stdio the reader is made here, so a client that breaks the framing ends the server. vscode-jsonrpc's
 * reader stops at a header it cannot parse and every later message waits behind it: a server that hears nothing
 * until stdin closes looks alive to the client, while one that exits is restarted.
 */
function stdioConnection(): { connection: Connection; closed: (handle: ServerHandle) => void } {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    process.stderr.write(`claimguard-language-server: unreadable message from the client (${error.message.split('\n')[0]}); exiting so the client can restart the server\n`);
    process.exit(1);
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // stdout carries the protocol; anything printed goes to the client's log instead.
  const log = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.info = console.debug = log((message) => connection.console.log(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return {
    connection,
    closed: (handle) => reader.onClose(() => process.exit(handle.shutdownReceived ? 0 : 1)),
  };
}

// A language server lives as long as the editor. By default V8 lets the heap grow to as much as four times the
// data still in use before collecting; a workspace report, which allocates a lot and keeps little (summaries),
// then leaves the process at ~310 MB for 2,000 files. Twice the data in use, V8's own choice for devices short
// of memory, keeps it near 210 MB in the same time (`npm run bench` measures it).
v8.setFlagsFromString('--heap-growing-percent=100');

if (process.argv.includes('--stdio')) {
  const { connection, closed } = stdioConnection();
  closed(startServer(connection));
} else {
  // --node-ipc, --socket=N and --pipe=NAME are read from the command line by the library.
  startServer(createConnection(ProposedFeatures.all));
}
