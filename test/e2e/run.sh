#!/usr/bin/env bash
# npm run test:e2e: installs (once, cached) what real VS Code needs, packages the extension, checks the
# packaged server on its own, then drives code-server in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
began=$(date +%s)

bash test/e2e/install.sh
npm run package
node test/e2e/bundle-smoke.js extension/claimguard-vscode.vsix
node test/e2e/vscode.e2e.js

echo "e2e: finished in $(( $(date +%s) - began )) s"
