import type { ClaimGuardEditorSettings } from './protocol';

export const DEFAULT_SETTINGS: Readonly<ClaimGuardEditorSettings> = Object.freeze({
  enable: true,
  rules: {},
  minimumLevel: null,
  settings: {},
  codeLens: { enable: true },
  maxFileSize: 1_000_000,
  useWorkspaceConfig: true,
});

const SEVERITIES = new Set(['off', 'warn', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Picks one field, or its default with a warning when the client sent something of the wrong shape. */
function field<K extends keyof ClaimGuardEditorSettings>(
  raw: Record<string, unknown>,
  key: K,
  valid: (value: unknown) => boolean,
  warn: (message: string) => void,
): ClaimGuardEditorSettings[K] {
  const value = raw[key];
  if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
  if (valid(value)) return value as ClaimGuardEditorSettings[K];
  warn(`Invalid claimguard.${key} (${JSON.stringify(value)}); using the default ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
  return DEFAULT_SETTINGS[key];
}

function ruleSeverities(raw: Record<string, unknown>, warn: (message: string) => void): ClaimGuardEditorSettings['rules'] {
  const value = raw.rules;
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    warn(`Invalid claimguard.rules (${JSON.stringify(value)}); expected an object of rule names to 'off', 'warn' or 'error'.`);
    return {};
  }
  const rules: ClaimGuardEditorSettings['rules'] = {};
  for (const [name, severity] of Object.entries(value)) {
    // Users copy rule ids from diagnostics, which carry the plugin prefix.
    const ruleName = name.replace(/^claimguard\//, '');
    if (typeof severity === 'string' && SEVERITIES.has(severity)) {
      rules[ruleName] = severity as 'off' | 'warn' | 'error';
    } else {
      warn(`Invalid severity for claimguard.rules["${name}"] (${JSON.stringify(severity)}); expected 'off', 'warn' or 'error'.`);
    }
  }
  return rules;
}

function codeLens(raw: Record<string, unknown>, warn: (message: string) => void): ClaimGuardEditorSettings['codeLens'] {
  const value = raw.codeLens;
  if (value === undefined || value === null) return { ...DEFAULT_SETTINGS.codeLens };
  if (isRecord(value) && (value.enable === undefined || typeof value.enable === 'boolean')) {
    return { enable: value.enable ?? DEFAULT_SETTINGS.codeLens.enable };
  }
  warn(`Invalid claimguard.codeLens (${JSON.stringify(value)}); expected { "enable": true | false }.`);
  return { ...DEFAULT_SETTINGS.codeLens };
}

const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
const isLevel = (value: unknown): boolean => value === 0 || value === 1 || value === 2 || value === 3;
const isPositiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) > 0;

/** Turns whatever the client sent under `claimguard` into complete settings; never throws. */
export function normalizeSettings(raw: unknown, warn: (message: string) => void): ClaimGuardEditorSettings {
  if (raw === undefined || raw === null) return { ...DEFAULT_SETTINGS, codeLens: { ...DEFAULT_SETTINGS.codeLens } };
  if (!isRecord(raw)) {
    warn(`Invalid claimguard settings (${JSON.stringify(raw)}); using the defaults.`);
    return normalizeSettings(undefined, warn);
  }
  return {
    enable: field(raw, 'enable', isBoolean, warn),
    rules: ruleSeverities(raw, warn),
    minimumLevel: field(raw, 'minimumLevel', isLevel, warn),
    settings: field(raw, 'settings', isRecord, warn),
    codeLens: codeLens(raw, warn),
    maxFileSize: field(raw, 'maxFileSize', isPositiveInteger, warn),
    useWorkspaceConfig: field(raw, 'useWorkspaceConfig', isBoolean, warn),
  };
}

/**
 * Settings per resource, fetched once through `fetch` and kept until the client says they changed.
 * Promises are cached so concurrent requests for one file share a single round trip.
 */
export class SettingsCache {
  private readonly byResource = new Map<string, Promise<ClaimGuardEditorSettings>>();

  constructor(private readonly fetch: (resource: string) => Promise<ClaimGuardEditorSettings>) {}

  get(resource: string): Promise<ClaimGuardEditorSettings> {
    let cached = this.byResource.get(resource);
    if (!cached) {
      cached = this.fetch(resource);
      this.byResource.set(resource, cached);
    }
    return cached;
  }

  forget(resource: string): void {
    this.byResource.delete(resource);
  }

  clear(): void {
    this.byResource.clear();
  }
}
