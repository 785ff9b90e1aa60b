import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isTokenStrategyName } from './names';
import { calleeName, staticString, unwrap } from './syntax';

/**
 * A call that runs a token strategy configured elsewhere: `passport.authenticate('jwt')`, Nest's `AuthGuard('jwt')`,
 * `request.jwtVerify()`. Told by its name and the strategy it names, whatever object it is called on: a project
 * module that re-exports passport (`require('./config/passport').authenticate('jwt')`) runs the same strategy.
 */
export function isStrategyMarker(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeName(call);
  const strategy = staticString(call.arguments[0]);
  if (name === 'authenticate' || name === 'AuthGuard') return isTokenStrategyName(strategy ?? '');
  return name === 'jwtVerify' && unwrap(call.callee).type === AST_NODE_TYPES.MemberExpression;
}
