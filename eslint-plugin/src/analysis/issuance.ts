/**
 * Token issuance as far as the file shows it: tokens signed with no expiry (no `expiresIn`, no `exp` claim, no
 * `setExpirationTime()`) and secrets put in claims, which anyone holding the token can read. Where a library
 * keeps the claims and the expiry is its model's `keys` entry (models/library-model.ts `KeyUseModel`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { KeyUseModel } from '../models/library-model';
import type { Invocation } from './library-models';
import { propertyOf, staticValueOf } from './static-values';
import { memberName, unwrap } from './syntax';

/** A token signed with claims the file shows: with no expiry, or carrying a secret. */
export interface IssuanceProblem {
  kind: 'no-expiry' | 'secret-in-claims';
  library: string;
  /** The signing call for `no-expiry`; the claim for `secret-in-claims`. */
  node: TSESTree.Node;
  /** The option that sets an expiry (`expiresIn`), or the claim's name. */
  name: string;
}

/** Claim names that are secrets: a token's claims are only base64-encoded, so anyone holding it reads them. */
const SECRET_CLAIM = /^(password|passwd|pwd|password_?hash|hashed_?password|secret|client_?secret|api_?key|private_?key|otp|pin|ssn|credit_?card|card_?number)$/i;

/** What a claim's value is called where it comes from: `user.passwordHash`, `account.totpSecret`, `apiKey`. */
const SECRET_VALUE = /^(password\w*|passwd|pwd|hashed_?password|\w*secret|private_?key|api_?key|otp|ssn|card_?number)$/i;

/** `{ h: user.passwordHash }`: a claim named innocently that carries a secret by what it reads. */
function holdsSecret(property: TSESTree.Node): boolean {
  if (property.type !== AST_NODE_TYPES.Property) return false;
  const value = unwrap(property.value as TSESTree.Node);
  const name = value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : value.type === AST_NODE_TYPES.Identifier ? value.name : undefined;
  return name !== undefined && SECRET_VALUE.test(name);
}

/** `sign({ sub }, key)` with no expiry anywhere, and `sign({ sub, password }, key)`, as far as the file shows the claims. */
export function issuanceProblems(node: Invocation, library: string, use: KeyUseModel, sourceCode: TSESLint.SourceCode): IssuanceProblem[] {
  const claimsNode = claimsArgument(node, use);
  if (!claimsNode || claimsNode.type === AST_NODE_TYPES.SpreadElement) return [];
  const claims = staticValueOf(sourceCode, claimsNode);
  if (claims.kind !== 'object') return [];
  const problems: IssuanceProblem[] = [];
  for (const [name, property] of claims.properties) {
    if (SECRET_CLAIM.test(name) || holdsSecret(property.property)) problems.push({ kind: 'secret-in-claims', library, node: property.property, name });
  }
  if (!claims.open && !propertyOf(claims, 'exp') && !setsExpiry(node, use, sourceCode)) {
    problems.push({ kind: 'no-expiry', library, node, name: use.options?.expiry ?? (use.expiryMethod ? `.${use.expiryMethod}()` : 'exp') });
  }
  return problems;
}

function claimsArgument(node: Invocation, use: KeyUseModel): TSESTree.Node | undefined {
  if (!use.claims) return undefined;
  if ('argument' in use.claims) return node.arguments[use.claims.argument];
  let current: TSESTree.Node = unwrap(node.callee);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = unwrap(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
    if (current.type === AST_NODE_TYPES.NewExpression) return current.arguments[use.claims.chainArgument];
  }
  return undefined;
}

/** The options set an expiry (or may: options the file cannot read count as setting one), or the chain calls its method. */
function setsExpiry(node: Invocation, use: KeyUseModel, sourceCode: TSESLint.SourceCode): boolean {
  if (use.expiryMethod) {
    for (let current: TSESTree.Node = unwrap(node.callee); current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression; ) {
      if (current.type === AST_NODE_TYPES.MemberExpression && memberName(current) === use.expiryMethod) return true;
      current = unwrap(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
    }
    return false;
  }
  const spelling = use.options;
  if (!spelling?.expiry) return false;
  const argument = node.arguments[spelling.index];
  if (!argument) return false;
  if (argument.type === AST_NODE_TYPES.SpreadElement) return true;
  const options = staticValueOf(sourceCode, argument);
  return options.kind !== 'object' || options.open || !!propertyOf(options, spelling.expiry);
}
