import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LIBRARY_MODELS } from '../../../eslint-plugin/out/models/libraries';
import type { CallShape, LibraryModel, ResultMemberModel, TokenResult } from '../../../eslint-plugin/out/models/library-model';

const README = path.resolve(__dirname, '../../../README.md');
const BEGIN = '<!-- begin library support table -->';
const END = '<!-- end library support table -->';

/** How a call shape reads in the table: `verify()`, `new Strategy()`, `register(plugin)`, `.getUser()`. */
function callText(shape: CallShape): string {
  if ('export' in shape) return shape.export.length === 0 ? 'default export()' : `${shape.export.join('.')}()`;
  if ('construct' in shape) return shape.construct.length === 0 ? 'new (default export)()' : `new ${shape.construct.join('.')}()`;
  if ('plugin' in shape) return 'register(plugin)';
  if ('service' in shape) return shape.service.map((name) => `.${name}()`).join(', ');
  if ('chain' in shape) return `new ${shape.chain.join('.')}()….${shape.method}()`;
  if ('member' in shape) return shape.member.map((name) => `.${name}()`).join(', ');
  if ('function' in shape) return `${shape.function}()`;
  return `.${shape.method}()`;
}

/** How a token call reads in the verified and the unverified column (jwt-simple's `decode` is in both). */
function tokenCallText(name: string, result: TokenResult, claims: 'verified' | 'unverified'): string | undefined {
  if (result.claims === 'verified-with-key') {
    return claims === 'verified' ? `${name}() with a key` : `${name}() with argument ${result.skipArgument + 1} true`;
  }
  const kind = result.claims === 'unverified' ? 'unverified' : 'verified';
  return kind === claims ? `${name}()` : undefined;
}

/** A member of a call's result as the table reads it: `default export(…).auth()`, and `req.auth` in what it wraps. */
function resultMemberText(member: ResultMemberModel): string {
  const called = `${member.of.length === 0 ? 'default export' : member.of.join('.')}(…).${member.member}()`;
  return member.wrapsHandler ? `${called}, req.${member.wrapsHandler.requestProperty} in ${member.member}(handler)` : called;
}

const SCHEME_WORDS = { 'api-key': 'API key', basic: 'HTTP Basic', digest: 'HTTP Digest' } as const;

function cell(items: readonly string[]): string {
  return items.length === 0 ? '—' : [...new Set(items)].map((item) => `\`${item}\``).join(', ');
}

function row(model: LibraryModel): string {
  const verifies = (model.verifies ?? []).flatMap((verifier) => verifier.call.map(callText));
  const calls = model.tokenCalls ?? [];
  const decodes = calls.flatMap((call) => tokenCallText(call.name, call.result, 'unverified') ?? []);
  const claims = [
    ...calls.flatMap((call) => tokenCallText(call.name, call.result, 'verified') ?? []),
    ...(model.claims ? [model.claims.path] : []),
    ...(model.verifiedPaths ?? []),
    ...(model.resultMembers ?? []).flatMap((member) => (member.result.claims === 'unverified' ? [] : [resultMemberText(member)])),
    ...(model.verifies ?? []).flatMap((verifier) => (verifier.restores ? [`${verifier.restores} (restored session)`] : [])),
  ];
  const signs = (model.keys ?? []).filter((use) => use.role === 'sign').flatMap((use) => use.call.map(callText));
  const schemes = [
    ...(model.schemes ?? []).map((scheme) => SCHEME_WORDS[scheme.kind]),
    ...Object.keys(model.strategies ?? {}).map((name) => `strategy '${name}'`),
    ...(model.strategySelectors ?? []).map((shape) => `strategy chosen by ${callText(shape).replace(/^\./, '')}`),
  ];
  const modules = model.modules.length === 0 ? '(any)' : model.modules.map((module) => `\`${module}\``).join(', ');
  return `| ${model.id} | ${modules} | ${cell(verifies)} | ${cell(claims)} | ${cell(decodes)} | ${cell(signs)} | ${schemes.length === 0 ? '—' : schemes.join(', ')} |`;
}

/** The table as the registry says it should read (exported so it can be printed into the README). */
export function expectedTable(): string {
  return [
    '| library | modules | verification calls (options judged) | verified claims | decoded, not verified | signing (secret checked) | API key and Basic schemes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...LIBRARY_MODELS.map(row),
  ].join('\n');
}

describe('README library support table', () => {
  it('lists every library model as the registry describes it', () => {
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    assert.ok(start >= 0 && end > start, `README.md needs the markers ${BEGIN} and ${END}`);
    const table = text.slice(start + BEGIN.length, end).trim();
    assert.equal(table, expectedTable(), 'README.md library support table is out of date; replace it with the expected table');
  });
});
