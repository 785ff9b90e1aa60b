import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { LIBRARY_MODELS } from '../models/libraries';
import { VOCABULARY } from './framework-models';
import { isTokenStrategyName } from './names';
import { calleeName, staticString, unwrap } from './syntax';

/** Calls that choose a strategy by the name they are given (passport's `authenticate('jwt')`, Nest's `AuthGuard('jwt')`), from the models. */
const SELECTORS = new Set(
  LIBRARY_MODELS.flatMap((model) => model.strategySelectors ?? []).flatMap((shape) => ('method' in shape ? [shape.method] : 'export' in shape ? shape.export : [])),
);
/** Request methods that verify the request's token with a plugin registered elsewhere (@fastify/jwt's `request.jwtVerify()`). */
const VERIFYING_REQUEST_METHODS = new Set([...VOCABULARY.request.methods].flatMap(([name, method]) => ('claims' in method && method.claims === 'verified' ? [name] : [])));

/**
 * A call that runs a token strategy configured elsewhere: `passport.authenticate('jwt')`, Nest's `AuthGuard('jwt')`,
 * `request.jwtVerify()`. Told by its name, as the models give it, and the strategy it names, whatever object it is
 * called on: a project module that re-exports passport (`require('./config/passport').authenticate('jwt')`) runs the
 * same strategy.
 */
export function isStrategyMarker(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeName(call);
  if (name === undefined) return false;
  if (SELECTORS.has(name)) return isTokenStrategyName(staticString(call.arguments[0]) ?? '');
  return VERIFYING_REQUEST_METHODS.has(name) && unwrap(call.callee).type === AST_NODE_TYPES.MemberExpression;
}

/** The strategy a marker selects by name (`'jwt-refresh'` of `AuthGuard('jwt-refresh')`); undefined for a request method. */
export function selectedStrategy(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const name = calleeName(call);
  return name !== undefined && SELECTORS.has(name) ? staticString(call.arguments[0]) : undefined;
}
