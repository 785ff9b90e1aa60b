import type { SourceKind } from './types';
import type { LibraryModel } from '../models/library-model';
import { readUserModels } from './model-settings';

/** The shared `settings.claimguard` block every rule reads. */
export interface ClaimGuardSettings {
  /** Extra parameter names that hold a request object (beyond req, request, ctx, c…). */
  requestNames: readonly string[];
  /** Extra sources: a dotted path as the code spells it, mapped to its kind, e.g. `{ "req.session.tenant": "cookie" }`. */
  sources: Readonly<Record<string, SourceKind>>;
  /** Extra dotted paths that hold verified claims, e.g. `["req.session.claims", "ctx.state.jwt"]`. */
  verifiedClaims: readonly string[];
  /** Headers a verifying gateway sets and strips from client requests (e.g. `x-authenticated-userid`). */
  trustedHeaders: readonly string[];
  /** Extra names of authorization functions (`checkAccess`, `policy.allows`). */
  authorizationFunctions: readonly string[];
  /** The verified claims object fixes should use (e.g. `req.auth.payload`); by default the one the file already uses. */
  claimsPath: string | undefined;
  /** The project's own library models (an in-house verifier, a request property that holds verified claims). */
  models: readonly LibraryModel[];
}

const SOURCE_KINDS: readonly SourceKind[] = ['header', 'path param', 'query', 'cookie', 'body', 'argument'];

const DEFAULTS: ClaimGuardSettings = {
  requestNames: [],
  sources: {},
  verifiedClaims: [],
  trustedHeaders: [],
  authorizationFunctions: [],
  claimsPath: undefined,
  models: [],
};

/** Thrown for a malformed `settings.claimguard`; the message names the setting and what it must be. */
export class SettingsError extends Error {
  constructor(key: string, expected: string) {
    super(`Invalid ${key ? `settings.claimguard.${key}` : 'settings.claimguard'}: expected ${expected}.`);
    this.name = 'SettingsError';
  }
}

function stringList(raw: Record<string, unknown>, key: string): readonly string[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new SettingsError(key, 'an array of strings');
  }
  return value as string[];
}

function sourceMap(raw: Record<string, unknown>): Readonly<Record<string, SourceKind>> {
  const value = raw.sources;
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsError('sources', `an object mapping dotted paths to one of ${SOURCE_KINDS.join(', ')}`);
  }
  const result: Record<string, SourceKind> = Object.create(null) as Record<string, SourceKind>;
  for (const [path, kind] of Object.entries(value)) {
    if (!SOURCE_KINDS.includes(kind as SourceKind)) {
      throw new SettingsError(`sources["${path}"]`, `one of ${SOURCE_KINDS.join(', ')}`);
    }
    result[path] = kind as SourceKind;
  }
  return result;
}

const parsed = new WeakMap<object, ClaimGuardSettings>();

/** Reads and validates `settings.claimguard`; memoized per settings object because every rule asks. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): ClaimGuardSettings {
  const raw = settings?.claimguard;
  if (raw === undefined || raw === null) return DEFAULTS;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new SettingsError('', 'an object');
  const cached = parsed.get(raw);
  if (cached) return cached;
  const record = raw as Record<string, unknown>;
  if (record.claimsPath !== undefined && typeof record.claimsPath !== 'string') {
    throw new SettingsError('claimsPath', 'a string such as "req.auth.payload"');
  }
  const result: ClaimGuardSettings = {
    requestNames: stringList(record, 'requestNames'),
    sources: sourceMap(record),
    verifiedClaims: stringList(record, 'verifiedClaims'),
    trustedHeaders: stringList(record, 'trustedHeaders').map((name) => name.toLowerCase()),
    authorizationFunctions: stringList(record, 'authorizationFunctions'),
    claimsPath: record.claimsPath as string | undefined,
    models: readUserModels(record.models, (key, expected) => new SettingsError(key, expected)),
  };
  parsed.set(raw, result);
  return result;
}
