// Bundles the extension client and the language server (with ESLint, its parsers and the ClaimGuard
// plugin) into dist/, so the VSIX needs no node_modules. Also writes the rule index that the
// "Open Rule Documentation" command offers. Run after the TypeScript build.
const { existsSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..', '..');
const dist = path.resolve(__dirname, '..', 'dist');

function compiled(relativePath) {
  const file = path.join(root, relativePath);
  if (!existsSync(file)) {
    throw new Error(`${relativePath} is missing: run the TypeScript build (npm run build) first.`);
  }
  return file;
}

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest Node that VS Code 1.91's extension host runs.
  target: 'node18',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

async function bundleClient() {
  await esbuild.build({
    ...shared,
    entryPoints: [compiled('extension/out/extension.js')],
    outfile: path.join(dist, 'extension.js'),
    // Provided by the editor at run time.
    external: ['vscode'],
  });
}

async function bundleServer() {
  await esbuild.build({
    ...shared,
    entryPoints: [compiled('server/out/main.js')],
    outfile: path.join(dist, 'server.js'),
    // ESLint loads a workspace's own config with import(); that must stay a real dynamic import.
    supported: { 'dynamic-import': true },
    // ESLint's optional loader for TypeScript config files; without it ESLint says such configs need it,
    // exactly as an ESLint install without it does. The TypeScript parser is bundled: the plugin requires it
    // on the first TypeScript file.
    external: ['jiti', 'jiti/package.json'],
  });
}

function writeRuleIndex() {
  const plugin = require(compiled('eslint-plugin/out/index.js'));
  const rules = Object.entries(plugin.rules).map(([name, rule]) => ({
    name,
    description: rule.meta?.docs?.description ?? '',
    url: rule.meta?.docs?.url ?? '',
  }));
  writeFileSync(path.join(dist, 'rules.json'), `${JSON.stringify(rules, null, 2)}\n`);
  return rules.length;
}

async function main() {
  // A fresh dist/: nothing from an earlier layout (a separately bundled parser) may linger in the VSIX.
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await Promise.all([bundleClient(), bundleServer()]);
  const ruleCount = writeRuleIndex();
  console.log(`bundled dist/extension.js, dist/server.js and ${ruleCount} rules into dist/rules.json`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
