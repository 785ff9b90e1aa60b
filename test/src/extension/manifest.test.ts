import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from 'claimguard-language-server/out/settings';

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; description?: string; markdownDescription?: string }> };
    commands: { command: string; title: string }[];
  };
}

const extensionDir = path.resolve(__dirname, '..', '..', '..', 'extension');
const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

/** `{ codeLens: { enable: true } }` → `{ 'claimguard.codeLens.enable': true }`, as VS Code names settings. */
function flatten(value: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const entries = Object.entries(value).flatMap(([key, child]): [string, unknown][] => {
    const isGroup = typeof child === 'object' && child !== null && !Array.isArray(child) && Object.keys(child).length > 0;
    return isGroup ? Object.entries(flatten(child as Record<string, unknown>, `${prefix}${key}.`)) : [[`${prefix}${key}`, child]];
  });
  return Object.fromEntries(entries);
}

describe('extension: manifest', () => {
  it("contributes every server setting with the server's default", () => {
    const serverDefaults = flatten({ ...DEFAULT_SETTINGS }, 'claimguard.');
    for (const [key, value] of Object.entries(serverDefaults)) {
      assert.ok(key in properties, `${key} is contributed`);
      assert.deepEqual(properties[key].default, value, `${key} default`);
    }
    assert.deepEqual(Object.keys(properties).sort(), [...Object.keys(serverDefaults), 'claimguard.trace.server'].sort());
  });

  it('describes every setting', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.ok((property.description ?? property.markdownDescription ?? '').length > 20, `${key} has a description`);
    }
  });

  it('declares limited support for untrusted workspaces and restricts every setting a repository could weaken findings with', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    // In Restricted Mode VS Code ignores a workspace's value of these, so a cloned repository's
    // .vscode/settings.json cannot switch ClaimGuard off (enable), silence rules (rules), lower the level routes
    // are held to (minimumLevel), trust its own headers or claims (settings), hide the route grades that are the
    // only place an ungraded route shows (codeLens.enable), skip its files by size (maxFileSize), or load its own
    // ESLint config (useWorkspaceConfig). Only the trace level is left to the workspace: it changes no finding.
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.deepEqual([...restricted].sort(), Object.keys(properties).filter((key) => key !== 'claimguard.trace.server').sort());
  });

  it('activates on JavaScript and TypeScript, React variants included', () => {
    assert.deepEqual(
      manifest.activationEvents.sort(),
      ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'].map((language) => `onLanguage:${language}`),
    );
  });

  it('contributes exactly the commands the extension registers', () => {
    const source = readFileSync(path.join(extensionDir, 'src', 'extension.ts'), 'utf8');
    const registered = [...source.matchAll(/command\('(claimguard\.[A-Za-z]+)'/g)].map((match) => match[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((entry) => entry.command).sort(), registered);
    assert.equal(registered.length, 4);
  });
});
