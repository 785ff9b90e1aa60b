import type { TSESTree } from '@typescript-eslint/utils';

/** Where a caller-controlled value enters the program. */
export type SourceKind = 'header' | 'path param' | 'query' | 'cookie' | 'body' | 'argument';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** A value the caller controls, with the exact place it was read. */
export interface UntrustedValue {
  trust: 'untrusted';
  source: SourceKind;
  /** Header name, param name, query key, cookie name or body field path; undefined for a whole container. */
  name: string | undefined;
  /** True for a whole container (`req.headers`, `req.body`), false for one value read from it. */
  container: boolean;
  /** Keys a rest pattern left out of a container (`const { role, ...rest } = req.body`). */
  omitted?: readonly string[];
  /** The expression that reads it, e.g. `req.headers['x-role']`. */
  node: TSESTree.Node;
  /** How messages name the source where a framework has its own word for it (`procedure input`). */
  label?: string;
}

/** Claims of a token that was decoded but never verified. */
export interface UnverifiedValue {
  trust: 'unverified';
  /** Claim path below the payload (`role`, `header.kid`); undefined for the whole payload. */
  name: string | undefined;
  /** The decode call. */
  node: TSESTree.Node;
}

/** Claims of a verified token, or what verified-token middleware put on the request. */
export interface VerifiedValue {
  trust: 'verified';
  /** Source text of the claims object as the file spells it, e.g. `req.auth.payload`. */
  claimsPath: string | undefined;
  /** Claim path below the claims object (`role`, `permissions`); undefined for the claims object. */
  name: string | undefined;
  node: TSESTree.Node;
  /**
   * Set for what a server-side session holds (`req.session.userId`): the server wrote it, so it is a verified
   * subject for object-level checks, but no token was verified (the grade names it as a session).
   */
  session?: true;
  /**
   * Where on the request the convention reads it from (`user` for `req.user`, `state.user` for `ctx.state.user`):
   * what the chain's middleware wrote there, if anything, holds instead (see settleValues).
   */
  requestProp?: string;
}

/**
 * A property the project's own middleware puts on the request (`req.claims`, `res.locals.user`, `ctx.state.account`):
 * what it holds depends on the chain that runs before the reading code, so the project index settles it per route.
 */
export interface PendingValue {
  trust: 'pending';
  /** The property path below the request, e.g. `claims.role`, `locals.user.id`. */
  prop: string;
  /** The same path, as other values name their claim or field. */
  name: string | undefined;
  node: TSESTree.Node;
  /**
   * Verified identity by the framework's convention (a resolver context's `user`) unless the chain's context
   * builder sets the property from something else.
   */
  verifiedUnlessWritten?: true;
}

export type TrustValue = UntrustedValue | UnverifiedValue | VerifiedValue | PendingValue;

/** Why a piece of code counts as an authorization decision (see DESIGN.md, "Analysis model"). */
export type DecisionKind = 'condition' | 'authorization-call' | 'data-scope';

/** One value that feeds a decision, with what the analysis knows of it. */
export interface DecisionOperand {
  /** The expression inside the decision that carries the value (what rules report on). */
  node: TSESTree.Node;
  values: readonly TrustValue[];
  /**
   * Only tested for presence (`!context.partner`), on a property the chain sets: a sign-in gate, which decides on
   * claims only when the chain put unverified ones there; the grade and the other rules leave it out.
   */
  presence?: true;
}

export interface Decision {
  kind: DecisionKind;
  /** The condition, the authorization call, or the filter property. */
  node: TSESTree.Node;
  /** The innermost function that contains the decision; null at module level. */
  fn: FunctionNode | null;
  operands: readonly DecisionOperand[];
  /** Request values a verified data scope looks up together with the caller (a membership of the path's id). */
  anchors?: readonly UntrustedValue[];
  /**
   * Reached only where the route carries metadata: a guard that lets every request through when a reflector finds
   * none (`if (!requiredRoles) return true`) decides only on routes marked with it (`@Roles('admin')`).
   */
  whereMarked?: true;
}

/** A privilege field (role, isAdmin, permissions, scopes…) written from request input. */
export interface PrivilegeWrite {
  /** The property, assignment or argument that writes it. */
  node: TSESTree.Node;
  /** The privilege field written, or the privilege fields a whole-body write can carry. */
  fields: readonly string[];
  /** True when a whole request body is copied (mass assignment) rather than one field. */
  wholeBody: boolean;
  value: UntrustedValue;
  fn: FunctionNode | null;
}
