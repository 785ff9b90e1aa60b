import fc from 'fast-check';
import type { Condition, Declaration, Expr, GeneratedFile, Handler, Helper, Statement } from './model';
import { FRAMEWORKS } from './frameworks';
import { SETTINGS_VARIANTS } from './model';

/** How deep conditions, expressions and statement blocks nest in generated handlers. */
export const MAX_NESTING = 3;

const index = fc.nat({ max: 64 });

// Arbitraries are built per remaining depth and cached, so building depth 4 does not rebuild depth 3 each time.
const exprCache = new Map<number, fc.Arbitrary<Expr>>();
const conditionCache = new Map<number, fc.Arbitrary<Condition>>();
const statementCache = new Map<number, fc.Arbitrary<Statement>>();

function exprArb(depth: number): fc.Arbitrary<Expr> {
  const cached = exprCache.get(depth);
  if (cached) return cached;
  const leaves: fc.Arbitrary<Expr>[] = [
    fc.record({ kind: fc.constant('untrusted' as const), which: index, key: index }),
    fc.record({ kind: fc.constant('verified' as const), which: index, claim: index }),
    fc.record({ kind: fc.constant('alias' as const), alias: index }),
    fc.record({ kind: fc.constant('literal' as const), value: index }),
  ];
  let result: fc.Arbitrary<Expr>;
  if (depth <= 0) {
    result = fc.oneof(...leaves);
  } else {
    const inner = exprArb(depth - 1);
    result = fc.oneof(
      { arbitrary: fc.oneof(...leaves), weight: 6 },
      { arbitrary: fc.record({ kind: fc.constant('member' as const), inner, key: index, style: fc.constantFrom('dot' as const, 'optional' as const, 'computed' as const) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('helper' as const), helper: index, argument: inner }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('fallback' as const), left: inner, right: inner, operator: fc.constantFrom('??' as const, '||' as const) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('template' as const), inner }), weight: 1 },
      {
        arbitrary: fc.record({ kind: fc.constant('string' as const), inner, method: fc.constantFrom('toLowerCase' as const, 'trim' as const, 'String' as const, 'Number' as const) }),
        weight: 1,
      },
      { arbitrary: fc.record({ kind: fc.constant('cast' as const), inner, style: fc.constantFrom('as' as const, 'nonNull' as const) }), weight: 1 },
    );
  }
  exprCache.set(depth, result);
  return result;
}

function conditionArb(depth: number): fc.Arbitrary<Condition> {
  const cached = conditionCache.get(depth);
  if (cached) return cached;
  const value = exprArb(Math.min(depth, 2));
  const leaves: fc.Arbitrary<Condition>[] = [
    fc.record({
      kind: fc.constant('compare' as const),
      left: value,
      operator: fc.constantFrom('===' as const, '!==' as const, '==' as const, '!=' as const),
      right: fc.oneof(index, value),
    }),
    fc.record({ kind: fc.constant('includes' as const), list: index, value }),
    fc.record({ kind: fc.constant('startsWith' as const), value }),
    fc.record({ kind: fc.constant('truthy' as const), value }),
    fc.record({ kind: fc.constant('authorizationCall' as const), style: index, value }),
  ];
  let result: fc.Arbitrary<Condition>;
  if (depth <= 0) {
    result = fc.oneof(...leaves);
  } else {
    const inner = conditionArb(depth - 1);
    result = fc.oneof(
      { arbitrary: fc.oneof(...leaves), weight: 4 },
      { arbitrary: fc.record({ kind: fc.constant('not' as const), inner }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: inner, right: inner }), weight: 2 },
    );
  }
  conditionCache.set(depth, result);
  return result;
}

function statementArb(depth: number): fc.Arbitrary<Statement> {
  const cached = statementCache.get(depth);
  if (cached) return cached;
  const value = exprArb(2);
  const test = conditionArb(2);
  const leaves: fc.Arbitrary<Statement>[] = [
    fc.record({ kind: fc.constant('deny' as const), which: index }),
    fc.record({ kind: fc.constant('allow' as const), which: index }),
    fc.record({ kind: fc.constant('guard' as const), test, which: index }),
    fc.record({ kind: fc.constant('switch' as const), value, cases: fc.array(index, { minLength: 1, maxLength: 3 }), denyDefault: fc.boolean() }),
    fc.record({ kind: fc.constant('ternary' as const), test }),
    fc.record({ kind: fc.constant('scopedQuery' as const), value, column: index }),
    fc.record({ kind: fc.constant('privilegeWrite' as const), value, field: index, style: fc.constantFrom('data' as const, 'assign' as const, 'spread' as const) }),
    fc.record({ kind: fc.constant('reassign' as const), alias: index, value }),
    fc.record({ kind: fc.constant('log' as const), value }),
  ];
  let result: fc.Arbitrary<Statement>;
  if (depth <= 0) {
    result = fc.oneof(...leaves);
  } else {
    const block = fc.array(statementArb(depth - 1), { minLength: 1, maxLength: 2 });
    result = fc.oneof(
      { arbitrary: fc.oneof(...leaves), weight: 5 },
      { arbitrary: fc.record({ kind: fc.constant('if' as const), test: conditionArb(depth), then: block, otherwise: fc.option(block, { nil: undefined }) }), weight: 4 },
      { arbitrary: fc.record({ kind: fc.constant('block' as const), body: block }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('try' as const), body: block, denyInCatch: fc.boolean() }), weight: 1 },
    );
  }
  statementCache.set(depth, result);
  return result;
}

const declarationArb: fc.Arbitrary<Declaration> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('alias' as const), value: exprArb(2), mutable: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('destructure' as const), container: index, key: index, withDefault: fc.boolean(), withRest: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('spread' as const), container: index, key: index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('computedKey' as const), container: index, key: index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('getter' as const), value: exprArb(1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('arrayPattern' as const), value: exprArb(1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('awaited' as const), value: exprArb(1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('verify' as const), secret: index, options: index }), weight: 1 },
);

const helperArb: fc.Arbitrary<Helper> = fc.oneof(
  fc.constant({ kind: 'identity' as const }),
  fc.record({ kind: fc.constant('predicate' as const), literal: index }),
  fc.constant({ kind: 'normalise' as const }),
  fc.record({ kind: fc.constant('recursive' as const), callee: index }),
);

const handlerArb: fc.Arbitrary<Handler> = fc.record({
  method: index,
  route: index,
  declarations: fc.array(declarationArb, { maxLength: 6 }),
  body: fc.array(statementArb(MAX_NESTING), { minLength: 1, maxLength: 4 }),
});

/** A whole handler file: a framework, same-file helpers, one to three handlers, and a settings variant. */
export const generatedFileArb: fc.Arbitrary<GeneratedFile> = fc.record({
  framework: fc.nat({ max: FRAMEWORKS.length - 1 }),
  helpers: fc.array(helperArb, { maxLength: 4 }),
  handlers: fc.array(handlerArb, { minLength: 1, maxLength: 2 }),
  settings: fc.nat({ max: SETTINGS_VARIANTS.length - 1 }),
});
