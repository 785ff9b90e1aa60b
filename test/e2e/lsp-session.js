// A minimal LSP client over stdio for checking the bundled server outside any editor.
const { spawn } = require('node:child_process');
const rpc = require('vscode-jsonrpc/node');

/** Starts `node serverPath --stdio` and returns a connection plus a way to wait for notifications. */
function startSession(serverPath, cwd) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const notifications = [];
  const waiters = [];
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
    for (const waiter of [...waiters]) waiter();
  });
  // The server asks for settings; an empty answer means "defaults", as from a client without any.
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest(() => null);
  connection.listen();

  function waitFor(predicate, what, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = notifications.find(predicate);
        if (!found) return false;
        waiters.splice(waiters.indexOf(check), 1);
        clearTimeout(timer);
        resolve(found.params);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        reject(new Error(`timed out waiting for ${what}; server stderr:\n${stderr}`));
      }, timeoutMs);
      waiters.push(check);
      check();
    });
  }

  // A server that exits on its own must not turn the last writes into an uncaught stream error.
  child.stdin.on('error', () => {});
  const running = () => child.exitCode === null && child.signalCode === null && !child.stdin.destroyed;

  async function close() {
    try {
      if (running()) await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      if (running()) await connection.sendNotification('exit');
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    connection.dispose();
    child.kill();
  }

  return { connection, waitFor, close, stderr: () => stderr, child };
}

module.exports = { startSession };
