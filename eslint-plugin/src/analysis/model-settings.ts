/**
 * `settings.claimguard.models`: the user's own library models, in the same shape as the built-in ones
 * (models/library-model.ts), checked here field by field so a bad shape gets a message that names the field and
 * what it must be. Only the parts a project's own code needs are accepted: verification calls and their options,
 * token calls, verified-claims paths, signing calls, API-key and Basic schemes, and record access (a data layer's
 * call that reads, changes or deletes a record by id).
 */
import type {
  CallShape,
  CheckName,
  KeyLocation,
  KeyUseModel,
  LibraryModel,
  RecordCallModel,
  SchemeModel,
  TokenCall,
  TokenResult,
  VerifierModel,
  VerifyOptions,
} from '../models/library-model';

/** Thrown for a malformed setting; `key` is the path below `settings.claimguard`. */
export type SettingsErrorFactory = (key: string, expected: string) => Error;

const CHECKS: readonly CheckName[] = ['algorithms', 'issuer', 'audience', 'expiry', 'credentials'];
const MODEL_KEYS = new Set(['id', 'modules', 'verifies', 'keys', 'tokenCalls', 'schemes', 'verifiedPaths', 'receiverWords', 'records']);

type Raw = Record<string, unknown>;

class Reader {
  constructor(readonly fail: SettingsErrorFactory) {}

  object(value: unknown, at: string, keys: ReadonlySet<string>): Raw {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.fail(at, 'an object');
    for (const key of Object.keys(value)) {
      if (!keys.has(key)) throw this.fail(`${at}.${key}`, `one of the known fields (${[...keys].join(', ')})`);
    }
    return value as Raw;
  }

  array(value: unknown, at: string): unknown[] {
    if (!Array.isArray(value)) throw this.fail(at, 'an array');
    return value;
  }

  string(value: unknown, at: string): string {
    if (typeof value !== 'string' || value === '') throw this.fail(at, 'a non-empty string');
    return value;
  }

  strings(value: unknown, at: string): string[] {
    return this.array(value, at).map((item, i) => this.string(item, `${at}[${i}]`));
  }

  index(value: unknown, at: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw this.fail(at, 'an argument index (0, 1, 2…)');
    return value;
  }

  boolean(value: unknown, at: string): boolean {
    if (typeof value !== 'boolean') throw this.fail(at, 'true or false');
    return value;
  }

  optional<T>(raw: Raw, key: string, at: string, read: (value: unknown, at: string) => T): T | undefined {
    return raw[key] === undefined ? undefined : read(raw[key], `${at}.${key}`);
  }
}

/** The user's models, validated; an absent setting is no models. */
export function readUserModels(value: unknown, fail: SettingsErrorFactory): readonly LibraryModel[] {
  if (value === undefined) return [];
  const read = new Reader(fail);
  return read.array(value, 'models').map((item, i) => readModel(read, item, `models[${i}]`));
}

function readModel(read: Reader, value: unknown, at: string): LibraryModel {
  const raw = read.object(value, at, MODEL_KEYS);
  const list = <T>(key: string, one: (item: unknown, at: string) => T): T[] | undefined =>
    read.optional(raw, key, at, (items, where) => read.array(items, where).map((item, i) => one(item, `${where}[${i}]`)));
  const model: LibraryModel = {
    id: read.string(raw.id, `${at}.id`),
    modules: read.optional(raw, 'modules', at, (items, where) => read.strings(items, where)) ?? [],
  };
  const verifies = list('verifies', (item, where) => readVerifier(read, item, where));
  const keys = list('keys', (item, where) => readKeyUse(read, item, where));
  const tokenCalls = list('tokenCalls', (item, where) => readTokenCall(read, item, where));
  const schemes = list('schemes', (item, where) => readScheme(read, item, where));
  const verifiedPaths = read.optional(raw, 'verifiedPaths', at, (items, where) => read.strings(items, where));
  const receiverWords = read.optional(raw, 'receiverWords', at, (items, where) => read.strings(items, where).map((word) => word.toLowerCase()));
  const records = list('records', (item, where) => readRecordCall(read, item, where));
  return {
    ...model,
    ...(verifies ? { verifies } : {}),
    ...(keys ? { keys } : {}),
    ...(tokenCalls ? { tokenCalls } : {}),
    ...(schemes ? { schemes } : {}),
    ...(verifiedPaths ? { verifiedPaths } : {}),
    ...(receiverWords ? { receiverWords } : {}),
    ...(records ? { records } : {}),
  };
}

const CALL_FORMS = '{ "function": name }, { "export": [path…] }, { "construct": [path…] }, { "method": name } or { "member": [names…] }';

function readCalls(read: Reader, value: unknown, at: string): CallShape[] {
  const shapes = read.array(value, at).map((item, i): CallShape => {
    const where = `${at}[${i}]`;
    const raw = read.object(item, where, new Set(['function', 'export', 'construct', 'method', 'member']));
    const forms = Object.keys(raw);
    if (forms.length !== 1) throw read.fail(where, `exactly one of ${CALL_FORMS}`);
    const form = forms[0]!;
    if (form === 'function') return { function: read.string(raw.function, `${where}.function`) };
    if (form === 'method') return { method: read.string(raw.method, `${where}.method`) };
    if (form === 'member') return { member: read.strings(raw.member, `${where}.member`) };
    if (form === 'export') return { export: read.strings(raw.export, `${where}.export`) };
    return { construct: read.strings(raw.construct, `${where}.construct`) };
  });
  if (shapes.length === 0) throw read.fail(at, `at least one call: ${CALL_FORMS}`);
  return shapes;
}

function readVerifier(read: Reader, value: unknown, at: string): VerifierModel {
  const raw = read.object(value, at, new Set(['call', 'options', 'key', 'middleware', 'session', 'resultMember']));
  const key = read.optional(raw, 'key', at, (item, where) => readKey(read, item, where));
  const middleware = read.optional(raw, 'middleware', at, (item, where) => read.boolean(item, where));
  const session = read.optional(raw, 'session', at, (item, where) => read.boolean(item, where));
  const resultMember = read.optional(raw, 'resultMember', at, (item, where) => read.string(item, where));
  return {
    call: readCalls(read, raw.call, `${at}.call`),
    options: read.optional(raw, 'options', at, (item, where) => readOptions(read, item, where)) ?? {},
    ...(key ? { key } : {}),
    ...(middleware ? { middleware } : {}),
    ...(session ? { session } : {}),
    ...(resultMember ? { resultMember } : {}),
  };
}

function readOptions(read: Reader, value: unknown, at: string): VerifyOptions {
  const raw = read.object(value, at, new Set(['index', 'algorithms', 'issuer', 'audience', 'switches']));
  const paths = (key: string) => read.optional(raw, key, at, (item, where) => read.strings(item, where));
  const index = read.optional(raw, 'index', at, (item, where) => read.index(item, where));
  const algorithms = paths('algorithms');
  const issuer = paths('issuer');
  const audience = paths('audience');
  const switches = read.optional(raw, 'switches', at, (items, where) =>
    read.array(items, where).map((item, i) => {
      const entry = read.object(item, `${where}[${i}]`, new Set(['path', 'check', 'value']));
      const check = entry.check as CheckName;
      if (!CHECKS.includes(check)) throw read.fail(`${where}[${i}].check`, `one of ${CHECKS.join(', ')}`);
      return { path: read.string(entry.path, `${where}[${i}].path`), check, value: read.boolean(entry.value, `${where}[${i}].value`) };
    }),
  );
  return {
    ...(index !== undefined ? { index } : {}),
    ...(algorithms ? { algorithms } : {}),
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
    ...(switches ? { switches } : {}),
  };
}

function readKey(read: Reader, value: unknown, at: string): KeyLocation {
  const raw = read.object(value, at, new Set(['argument', 'options', 'optionsArgument']));
  if (raw.argument !== undefined) return { argument: read.index(raw.argument, `${at}.argument`) };
  const optionsArgument = read.optional(raw, 'optionsArgument', at, (item, where) => read.index(item, where));
  return { options: read.strings(raw.options, `${at}.options`), ...(optionsArgument !== undefined ? { optionsArgument } : {}) };
}

function readKeyUse(read: Reader, value: unknown, at: string): KeyUseModel {
  const raw = read.object(value, at, new Set(['call', 'key', 'role']));
  if (raw.role !== 'sign' && raw.role !== 'verify') throw read.fail(`${at}.role`, '"sign" or "verify"');
  return { call: readCalls(read, raw.call, `${at}.call`), key: readKey(read, raw.key, `${at}.key`), role: raw.role };
}

function readTokenCall(read: Reader, value: unknown, at: string): TokenCall {
  const raw = read.object(value, at, new Set(['name', 'result', 'traced', 'returnsFunction']));
  const traced = read.optional(raw, 'traced', at, (item, where) => read.boolean(item, where));
  const returnsFunction = read.optional(raw, 'returnsFunction', at, (item, where) => read.boolean(item, where));
  return {
    name: read.string(raw.name, `${at}.name`),
    result: readResult(read, raw.result, `${at}.result`),
    ...(traced ? { traced } : {}),
    ...(returnsFunction ? { returnsFunction } : {}),
  };
}

function readResult(read: Reader, value: unknown, at: string): TokenResult {
  const raw = read.object(value, at, new Set(['claims', 'members']));
  if (raw.claims !== 'verified' && raw.claims !== 'unverified') throw read.fail(`${at}.claims`, '"verified" or "unverified"');
  const members = read.optional(raw, 'members', at, (item, where) => read.strings(item, where));
  if (members) return { claims: raw.claims, members };
  return raw.claims === 'verified' ? { claims: 'verified' } : { claims: 'unverified' };
}

const OPERATIONS: readonly RecordCallModel['operation'][] = ['read', 'change', 'delete'];

function readRecordCall(read: Reader, value: unknown, at: string): RecordCallModel {
  const raw = read.object(value, at, new Set(['call', 'operation', 'selector']));
  const operation = raw.operation as RecordCallModel['operation'];
  if (!OPERATIONS.includes(operation)) throw read.fail(`${at}.operation`, '"read", "change" or "delete"');
  const selector = read.optional(raw, 'selector', at, (item, where) => read.index(item, where));
  return { call: readCalls(read, raw.call, `${at}.call`), operation, ...(selector !== undefined ? { selector } : {}) };
}

function readScheme(read: Reader, value: unknown, at: string): SchemeModel {
  const raw = read.object(value, at, new Set(['kind', 'call']));
  if (raw.kind !== 'api-key' && raw.kind !== 'basic' && raw.kind !== 'digest') throw read.fail(`${at}.kind`, '"api-key", "basic" or "digest"');
  return { kind: raw.kind, call: readCalls(read, raw.call, `${at}.call`) };
}
