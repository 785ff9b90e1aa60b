import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClaimGuardSettings } from './settings';
import type { Decision, DecisionOperand, FunctionNode, PrivilegeWrite, TrustValue, UntrustedValue } from './types';
import type { FileIndex } from './file-index';
import type { ParamPlaceholder, ValueEvaluator } from './values';
import type { ModelSummary } from './schemas';
import { branchOutcome, failureOutcome, type BranchOutcome } from './deny';
import { ownerConditionValues } from './records';
import {
  isAuthorizationFunction,
  isAuthorizationLiteral,
  isAuthorizationName,
  isPrivilegeName,
  isCredentialOrIntegrityName,
  isRequestSiteHeader,
  isFieldsObjectName,
  isIdentityKey,
  isKnowledgeName,
  isOwnerField,
  isPrivilegeField,
  mentionsIdentityColumn,
} from './names';
import { calleeName, calleeObject, decoratorsOf, dottedPath, enclosingClass, functionName, isFunctionNode, isTestMethod, memberName, operandName, propertyKeyName, staticString, unwrap } from './syntax';
import type { ScopeSite } from './service-facts';
import { VOCABULARY } from './framework-models';

/** `viewer.id`, `user.userId`: a property that names who someone is (not a role, which decides by itself). */
function isSubjectProp(prop: string): boolean {
  const last = prop.slice(prop.lastIndexOf('.') + 1);
  return last === 'id' || last === 'sub' || isIdentityKey(last);
}

/** Methods whose object argument is a query filter. */
const QUERY_METHOD =
  /^(find\w*|where|andWhere|orWhere|update\w*|delete\w*|remove\w*|destroy|count\w*|aggregate|exists|upsert|select|get\w*By\w*|paginate|softDelete|restore)$/;
/** Filter keys that bind a row to one person; a server-determined value there scopes the whole filter. */
const PERSON_KEY = /^(user|owner|member|account|customer|created_?by|author)(_?id)?$/i;
/** Properties that hold a filter inside a query call's options (`{ where: { tenantId } }`). */
const FILTER_PROPERTY = /^(where|filter|\$match|query|conditions|criteria|selector|\$and|\$or|AND|OR)$/;
/** Methods that run SQL text. */
const SQL_METHOD = /^(query|execute|raw|run|all|get|prepare|\$queryRaw\w*|\$executeRaw\w*|sql|one|oneOrNone|many|any|none)$/;
/** Methods that persist an object: creates, inserts, updates, model construction. */
const WRITE_METHOD =
  /^(create\w*|insert\w*|update\w*|upsert|save|set|build|bulkCreate|register|sign[uU]p|add\w*|put|patch|replace\w*|findOneAndUpdate|findByIdAndUpdate|merge|assign|persist)$/;
/** Write methods whose first argument is a filter rather than the data written (mongoose, MongoDB drivers). */
const FILTER_FIRST = /^(update\w*|findOneAndUpdate|findByIdAndUpdate|replace\w*|upsert)$/;

/**
 * True when a write call's first argument is a filter: mongoose's `updateOne(filter, update)`, but not
 * Sequelize's `update(values, { where })`, whose options object names the filter.
 */
function filterComesFirst(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (!FILTER_FIRST.test(calleeName(call) ?? '') || call.arguments.length < 2) return false;
  const options = call.arguments[1];
  const namesWhere =
    options.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === 'where');
  return !namesWhere;
}
/** Properties that hold the data of a write (`{ data: req.body }`, `{ $set: … }`). */
const DATA_PROPERTY = /^(data|values|\$set|set|attributes|fields|update|create|doc|document|record|input)$/;
/** Expressions a test of a session's subject reads it through: a member, a variable, a call that looks it up. */
const SUBJECT_READS: ReadonlySet<string> = new Set([AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.Identifier, AST_NODE_TYPES.CallExpression]);
const GUARD_FUNCTION =
  /^(canActivate|is(Admin|Allowed|Authori[sz]ed|Owner|Member|Staff|Super[uU]ser|Manager|Moderator|InRole|Permitted|Privileged)\w*|can[A-Z]\w*|has(Role|Permission|Scope|Access|Any|All)\w*|authori[sz]e\w*|check(Role|Permission|Access|Scope|Admin)\w*|require(Role|Admin|Permission)\w*)$/;
/** Decoded-token fields read only to choose the verification key: not access decisions. */
const KEY_SELECTION_CLAIM = /^(header(\..*)?|kid|alg|typ|iss|payload\.iss)$/;

export interface DecisionFacts {
  decisions: Decision[];
  privilegeWrites: PrivilegeWrite[];
  /** Owner, tenant and user keys of filters with the value bound to them, whatever it is (service facts read them). */
  scopeSites: ScopeSite[];
  /** Privilege fields written from a parameter, whose callers in other files decide whether it is request input. */
  paramWrites: ParamPrivilegeWrite[];
  /** Tests that a server-side session holds a subject, denying when it does not: session authentication. */
  sessionChecks: TSESTree.Node[];
}

/** A privilege write of a parameter's value: reported where it is written when a caller passes request input. */
export interface ParamPrivilegeWrite {
  node: TSESTree.Node;
  fields: readonly string[];
  wholeBody: boolean;
  param: ParamPlaceholder;
}

/** What the decision finder asks about models: the ones writes target and the types values are declared as. */
export interface WriteModels {
  /** The model a write call persists into (`new User()`, `User.create()`, `this.users.save()`, `prisma.user.update()`). */
  writeTarget(call: TSESTree.CallExpression | TSESTree.NewExpression): ModelSummary | undefined;
  /** The DTO, interface or schema a value is declared, asserted or parsed as. */
  valueModel(node: TSESTree.Node): ModelSummary | undefined;
  /** A call of another project file's function that the project index follows. */
  isFollowedCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
  /** What a known schema parsed (`req.body` of `profileSchema.parse(req.body)`), for a value it returned. */
  parsedInput(node: TSESTree.Node): TSESTree.Node | undefined;
}

const NO_MODELS: WriteModels = { writeTarget: () => undefined, valueModel: () => undefined, isFollowedCall: () => false, parsedInput: () => undefined };

/** Finds the file's authorization decisions and privilege writes from the indexed node lists. */
export function findDecisions(
  index: FileIndex,
  evaluator: ValueEvaluator,
  sourceCode: TSESLint.SourceCode,
  settings: ClaimGuardSettings,
  models: WriteModels = NO_MODELS,
): DecisionFacts {
  const finder = new DecisionFinder(index, evaluator, sourceCode, settings, models);
  return finder.run();
}

class DecisionFinder {
  private readonly decisions: Decision[] = [];
  private readonly privilegeWrites: PrivilegeWrite[] = [];
  private readonly scopeSites: ScopeSite[] = [];
  private readonly paramWrites: ParamPrivilegeWrite[] = [];
  private readonly sessionChecks: TSESTree.Node[] = [];
  /** Untrusted values compared for equality with a verified claim, per function: data scoped by them is fine. */
  private readonly anchored = new Map<FunctionNode | null, Set<string>>();
  /** Operands a test only validates (present, well-formed, matching another caller value): see `decidingOperands`. */
  private readonly validated = new WeakSet<DecisionOperand>();

  constructor(
    private readonly index: FileIndex,
    private readonly evaluator: ValueEvaluator,
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly settings: ClaimGuardSettings,
    private readonly models: WriteModels,
  ) {}

  run(): DecisionFacts {
    for (const condition of this.index.conditions) this.condition(condition);
    for (const guard of this.index.guardExpressions) this.guardExpression(guard);
    for (const statement of this.index.returns) this.guardReturn(statement);
    // `rule()((parent, args, ctx) => ctx.user.role === 'admin')`: an arrow's result is its return.
    for (const fn of this.index.functions) if (fn.body.type !== AST_NODE_TYPES.BlockStatement && this.index.isPermissionRule(fn)) this.guardResult(fn.body, fn);
    for (const call of this.index.calls) {
      this.assertion(call);
      this.authorizationCall(call);
      this.sqlCall(call);
      this.positionalFilter(call);
      this.conditionFilter(call);
    }
    for (const tagged of this.index.taggedTemplates) this.sqlTemplate(tagged, tagged.quasi);
    for (const object of this.index.objects) this.dataScope(object);
    this.findPrivilegeWrites();
    for (const decision of this.decisions) if (decision.fn && this.passesUnmarked(decision.fn, decision.node)) decision.whereMarked = true;
    this.decisions.sort((a, b) => a.node.range[0] - b.node.range[0]);
    return { decisions: this.decisions, privilegeWrites: this.privilegeWrites, scopeSites: this.scopeSites, paramWrites: this.paramWrites, sessionChecks: this.sessionChecks };
  }

  private readonly unmarkedExits = new Map<FunctionNode, number | undefined>();

  /**
   * Whether `fn` lets the request through, before `node`, when metadata it reads from the route is absent:
   * `const roles = this.reflector.getAllAndOverride(ROLES_KEY, […]); if (!roles) return true;`.
   */
  private passesUnmarked(fn: FunctionNode, node: TSESTree.Node): boolean {
    if (!this.unmarkedExits.has(fn)) this.unmarkedExits.set(fn, this.unmarkedExitOf(fn));
    const exit = this.unmarkedExits.get(fn);
    return exit !== undefined && exit < node.range[0];
  }

  /** Where `fn`'s top-level `if (!metadata) return true` ends, if it has one. */
  private unmarkedExitOf(fn: FunctionNode): number | undefined {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    for (const statement of fn.body.body) {
      // `if (!roles) return true`: passing where the metadata is absent. (`if (isPublic) return true` is the opposite:
      // public routes opt out, and the code after it is for every other route.)
      const test = statement.type === AST_NODE_TYPES.IfStatement ? unwrap(statement.test) : undefined;
      if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !returnsTrue(statement.consequent)) continue;
      if (test?.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') continue;
      const read = unwrap(test.argument);
      const variable = read.type === AST_NODE_TYPES.Identifier ? this.index.variableOf(read) : undefined;
      const def = variable?.defs[0];
      const init = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
      if (init?.type === AST_NODE_TYPES.CallExpression && isMetadataRead(init)) return statement.range[1];
    }
    return undefined;
  }

  // ── Conditions ────────────────────────────────────────────────────────────

  private condition(node: TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.SwitchStatement): void {
    const test = node.type === AST_NODE_TYPES.SwitchStatement ? node.discriminant : node.test;
    if (node.type === AST_NODE_TYPES.ConditionalExpression && this.isFallback(node)) return;
    const fn = this.index.functionContaining(node);
    if (this.testsSessionSubject(test) && branchOutcome(this.branchesOf(node), false).denies) this.sessionChecks.push(test);
    const operands = this.operandsOf(test, fn);
    if (operands.length === 0) return;
    const outcome = branchOutcome(this.branchesOf(node), this.isGuardFunction(fn));
    const tested = node.type === AST_NODE_TYPES.SwitchStatement ? [test, ...node.cases.map((c) => c.test)] : [test];
    this.pushCondition(test, fn, this.decidingOperands(outcome, tested, operands));
  }

  private pushCondition(node: TSESTree.Node, fn: FunctionNode | null, operands: DecisionOperand[]): void {
    if (operands.length > 0) this.decisions.push({ kind: 'condition', node, fn, operands });
  }

  /**
   * The operands a test decides on. A denial decides on what it tests, except on caller values it only validates
   * (`!email`, `file.includes('/')`, `body.new !== body.repeat`): those are input checks unless their names say
   * authorization (`!req.headers['x-admin']`). Without a denial, only names make a test a decision.
   */
  private decidingOperands(outcome: BranchOutcome, tests: readonly (TSESTree.Node | null)[], operands: DecisionOperand[]): DecisionOperand[] {
    if (outcome.denies) {
      const deciding = operands.filter((operand) => !this.validated.has(operand) || this.namesSayAuthorization([operand.node], [operand]));
      if (deciding.length > 0) return deciding;
    }
    return (outcome.denies || !outcome.rejectsInput) && this.namesSayAuthorization(tests, operands) ? operands : [];
  }

  /** `ctx.assert(ctx.state.user.role === 'admin', 403)`: a request method the models say denies unless its first argument holds. */
  private assertion(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    const [test, ...answer] = call.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !test || test.type === AST_NODE_TYPES.SpreadElement || answer.length === 0) return;
    if (!VOCABULARY.request.assertions.has(memberName(callee) ?? '') || !this.isRequest(callee.object)) return;
    const fn = this.index.functionContaining(call);
    const outcome = failureOutcome(answer);
    if (this.testsSessionSubject(test) && outcome.denies) this.sessionChecks.push(test);
    const operands = this.operandsOf(test, fn);
    this.pushCondition(test, fn, this.decidingOperands(outcome, [test], operands));
  }

  /** `req.query.role ? String(req.query.role) : 'viewer'` picks a value; what uses it later is the decision. */
  private isFallback(node: TSESTree.ConditionalExpression): boolean {
    const tested = this.sourceCode.getText(unwrap(node.test));
    return [node.consequent, node.alternate].some((branch) => this.sourceCode.getText(branch).includes(tested));
  }

  /** `cond || res.sendStatus(403)` and `cond && next()` written as statements. */
  private guardExpression(node: TSESTree.LogicalExpression): void {
    const fn = this.index.functionContaining(node);
    const operands = this.operandsOf(node.left, fn);
    if (operands.length === 0) return;
    const outcome = branchOutcome([node.right], false);
    this.pushCondition(node.left, fn, this.decidingOperands(outcome, [node.left], operands));
  }

  /** `return role === 'admin'` in a guard (`canActivate`, `isAdmin`) that the file never calls itself. */
  private guardReturn(node: TSESTree.ReturnStatement): void {
    const fn = this.index.functionContaining(node);
    if (node.argument && fn) this.guardResult(node.argument, fn);
  }

  private guardResult(result: TSESTree.Node, fn: FunctionNode): void {
    if (!this.isGuardFunction(fn) || this.index.callSitesOf(fn).length > 0) return;
    const argument = unwrap(result);
    if (!isTestExpression(argument)) return;
    // `return ctx.user !== null` in a permission rule tests that the caller is there, as `!!ctx.user` does.
    const presence = argument.type === AST_NODE_TYPES.BinaryExpression && isPresenceTest(argument) && this.index.isPermissionRule(fn);
    const operands = this.operandsOf(presence ? presentSide(argument) : argument, fn);
    if (operands.length > 0) this.decisions.push({ kind: 'condition', node: argument, fn, operands });
  }

  private branchesOf(node: TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.SwitchStatement): TSESTree.Node[] {
    if (node.type === AST_NODE_TYPES.SwitchStatement) return node.cases.flatMap((c) => c.consequent);
    const branches: TSESTree.Node[] = [node.consequent];
    if (node.alternate) branches.push(node.alternate);
    // `if (role === 'admin') return next(); res.sendStatus(403);`: the deny is the run of plain statements right
    // after an if whose branch leaves (`req.flash(…); res.redirect('/login');`). A declaration or a compound
    // statement ends the run: what follows it is other work or another check.
    if (node.type === AST_NODE_TYPES.IfStatement && !node.alternate && leaves(node.consequent)) branches.push(...followingPlainStatements(node));
    return branches;
  }

  private isGuardFunction(fn: FunctionNode | null): boolean {
    const name = fn ? functionName(fn) : undefined;
    return (!!name && GUARD_FUNCTION.test(name)) || (!!fn && (this.index.isPermissionRule(fn) || this.index.isConfiguredAuthenticator(fn)));
  }

  private namesSayAuthorization(tests: readonly (TSESTree.Node | null)[], operands: readonly DecisionOperand[]): boolean {
    for (const operand of operands) {
      for (const value of operand.values) if (isPrivilegeName(valueName(value) ?? '')) return true;
    }
    // Identity names (userId, tenant) count only beside a verified claim (`doc.ownerId !== claims.sub` answered
    // with 404), or beside a header, which carries identity when a proxy or middleware sets it (`x-user-id`); on
    // other caller values alone they are usually input validation.
    const nameTest = operands.some((operand) => operand.values.some(saysIdentity)) ? isAuthorizationName : isPrivilegeName;
    for (const test of tests) {
      if (!test) continue;
      const text = this.sourceCode.getText(test);
      if (nameTest(text.replace(/(['"`]).*?\1/g, ''))) return true;
      for (const literal of text.match(/(['"`])[\w-]+\1/g) ?? []) if (isAuthorizationLiteral(literal.slice(1, -1))) return true;
    }
    return false;
  }

  /** The expressions inside a test that carry values, each with what the analysis knows of it. */
  private operandsOf(test: TSESTree.Node, fn: FunctionNode | null): DecisionOperand[] {
    const operands: DecisionOperand[] = [];
    // The expressions this test compares with a verified claim: a presence test of the same one is part of that check.
    const checkedAgainstClaims = new Set<string>();
    // `truthy` marks operands tested only for presence (`!claims`): a whole claims object there is a null check.
    // `validates` marks parts only checked for their form: agreement of two caller values, a string test for punctuation.
    const stack: { node: TSESTree.Node; truthy: boolean; validates?: boolean }[] = [{ node: test, truthy: true }];
    while (stack.length > 0) {
      const { node: raw, truthy, validates } = stack.pop()!;
      const node = unwrap(raw);
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') stack.push({ node: node.argument, truthy });
      else if (node.type === AST_NODE_TYPES.LogicalExpression) stack.push({ node: node.right, truthy }, { node: node.left, truthy });
      else if (node.type === AST_NODE_TYPES.BinaryExpression) {
        const sides = this.decidingSides(node, fn);
        // Equality with a verified claim (`note.ownerId !== session.user.id`) is itself the operand: a decision on claims.
        if (sides === 'verified') {
          this.addOperand(operands, node, truthy, validates);
          for (const side of [node.left, node.right]) checkedAgainstClaims.add(this.sourceCode.getText(unwrap(side)));
        } else stack.push(...sides);
      } else if (node.type === AST_NODE_TYPES.CallExpression && isTestMethod(calleeName(node)) && !this.hasVerified(calleeObject(node))) {
        // `roles.some((role) => granted.includes(role))`: what the callback tests is part of the test.
        const parts = [calleeObject(node), ...node.arguments.flatMap((argument) => (isFunctionNode(argument) ? this.callbackResults(argument) : [argument]))];
        const form = node.arguments.length > 0 && node.arguments.every(isPunctuation);
        for (const part of parts.reverse()) if (part) stack.push({ node: part, truthy: false, validates: form });
      } else if (node.type !== AST_NODE_TYPES.Literal && node.type !== AST_NODE_TYPES.TemplateLiteral) {
        this.addOperand(operands, node, truthy, validates);
      }
    }
    // `!tenant || tenant !== claims.tenantId`: the presence test only guards the comparison.
    if (checkedAgainstClaims.size === 0) return operands;
    return operands.filter((operand) => !(this.validated.has(operand) && checkedAgainstClaims.has(this.sourceCode.getText(unwrap(operand.node)))));
  }

  /** A part of a test that carries values, with what the analysis knows of them. */
  private addOperand(operands: DecisionOperand[], node: TSESTree.Node, truthy: boolean, validates: boolean | undefined): void {
    // Testing that claims, or a property middleware set, are there at all is authentication, not a decision.
    // So is testing that the session holds a subject (`!req.session.userId`): the session is the authentication.
    const relevant = this.relevantValues(node);
    // A comparison with the verified side (`note.ownerId !== session.user.id`) is tested for its result, not presence;
    // so is a test on what a session holds (`session.user.roles.includes(role)`), unlike reading it (`!session.user`).
    const presence = truthy && node.type !== AST_NODE_TYPES.BinaryExpression;
    const read = node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier;
    const values = relevant.filter(
      (value) => !(presence && value.trust !== 'untrusted' && (value.name === undefined || value.trust === 'pending' || (value.trust === 'verified' && value.session && read))),
    );
    // What a sign-in gate requires (`if (!req.user) return 401`): a property the chain may set, or verified claims
    // on the request, which middleware that restores a session for whoever has one (`passport.session()`) left.
    const gates = presence && values.length === 0 ? relevant.filter((value) => value.trust === 'pending' || isRequestClaims(value)) : [];
    if (values.length > 0) {
      const operand: DecisionOperand = { node, values };
      // A caller value tested for presence (`!email`) is a required field, checked like a form.
      if (validates || (presence && read && values.every((value) => value.trust === 'untrusted'))) this.validated.add(operand);
      operands.push(operand);
    } else if (gates.length > 0) operands.push({ node, values: gates, presence: true });
  }

  /**
   * `!req.session.userId`, `!req.session.user`, passport's `!req.isAuthenticated()`, `!sessions[req.cookies.sid]`: a
   * test that the server-side session holds someone.
   */
  private testsSessionSubject(test: TSESTree.Node): boolean {
    const stack: TSESTree.Node[] = [test];
    for (let seen = 0; stack.length > 0 && seen < 16; seen++) {
      const node = unwrap(stack.pop()!);
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') stack.push(node.argument);
      else if (node.type === AST_NODE_TYPES.LogicalExpression) stack.push(node.left, node.right);
      else if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node) === 'isAuthenticated' && this.isRequest(calleeObject(node))) return true;
      // `req.session.userId`, or a session store's entry (`const user = sessions[req.cookies.sid]`, `usersByToken(token)`).
      else if (SUBJECT_READS.has(node.type) && this.evaluator.trustOf(node).some((value) => value.trust === 'verified' && value.session)) return true;
    }
    return false;
  }

  private isRequest(node: TSESTree.Node | undefined): boolean {
    return !!node && this.evaluator.valuesOf(node).some((value) => 'shape' in value && value.shape === 'request');
  }

  /** The expressions a test callback answers with: an arrow's expression body, or its `return` arguments. */
  private callbackResults(fn: FunctionNode): TSESTree.Node[] {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
    return this.index.returnsOf(fn).flatMap((statement) => (statement.argument ? [statement.argument] : []));
  }

  /**
   * The sides of a comparison that carry a decision, each marked when it is only validated: none for a presence test or
   * a proof of knowledge, `'verified'` for an equality with a verified claim (whose untrusted side is anchored for
   * later filters).
   * Beside a request property the chain sets, only the other side is compared with it. Each side's trust is read once.
   */
  private decidingSides(node: TSESTree.BinaryExpression, fn: FunctionNode | null): { node: TSESTree.Node; truthy: false; validates: boolean }[] | 'verified' {
    if (node.left.type === AST_NODE_TYPES.PrivateIdentifier || isPresenceTest(node)) return [];
    const right: ComparedSide = { node: node.right, trust: this.evaluator.trustOf(node.right) };
    const left: ComparedSide = { node: node.left, trust: this.evaluator.trustOf(node.left) };
    let sides = [right, left];
    let validates = false;
    if (isEquality(node)) {
      if (isKnowledgeCheck(left, right)) return [];
      const anchored = this.anchor([...left.trust, ...right.trust], fn);
      if (anchored === true) return 'verified';
      if (anchored === 'pending') sides = sides.filter((side) => !side.trust.some((value) => value.trust === 'untrusted'));
      validates = isFormAgreement(left, right);
    }
    return sides.map((side) => ({ node: side.node, truthy: false, validates }));
  }

  /**
   * Equality against a verified claim (`true`) or against a request property the chain sets (`'pending'`): the
   * caller's value is compared with the identity the chain put there, so what that property holds is settled per
   * route and the property itself stays a decision (`args.userId !== viewer.id`).
   */
  private anchor(all: readonly TrustValue[], fn: FunctionNode | null): boolean | 'pending' {
    const verified = all.some((value) => value.trust === 'verified');
    const pending = !verified && all.some((value) => value.trust === 'pending' && isSubjectProp(value.prop)) && all.some((value) => value.trust === 'untrusted');
    if (!verified && !pending) return false;
    const keys = this.anchored.get(fn) ?? new Set<string>();
    for (const value of all) if (value.trust === 'untrusted') keys.add(originKey(value));
    this.anchored.set(fn, keys);
    return verified ? true : 'pending';
  }

  private hasVerified(node: TSESTree.Node | undefined): boolean {
    return !!node && this.evaluator.trustOf(node).some((value) => value.trust === 'verified');
  }

  /**
   * Values that matter for authorization: single untrusted values (not whole containers), unverified claims
   * other than key-selection fields, and verified claims. Credentials (the bearer token, API keys, session ids)
   * and integrity values (CSRF tokens, webhook signatures) are left to the rules that handle them.
   */
  private relevantValues(node: TSESTree.Node): TrustValue[] {
    return this.evaluator.trustOf(node).flatMap((value): TrustValue[] => {
      if (value.trust === 'untrusted') {
        if (value.container) return [];
        // A secret the caller sends (`req.body.password`, `otp`, a captcha answer) proves what it knows, like a credential.
        if (value.name !== undefined && (isCredentialOrIntegrityName(value.name) || isKnowledgeName(value.name))) return [];
        if (value.source === 'header' && value.name !== undefined && isRequestSiteHeader(value.name)) return [];
        if (this.tokenOrigins().has(originKey(value))) return [];
        if (value.source === 'header' && value.name && this.settings.trustedHeaders.includes(value.name.toLowerCase())) {
          return [{ trust: 'verified', claimsPath: undefined, name: value.name, node: value.node }];
        }
        return [value];
      }
      if (value.trust === 'unverified' && value.name !== undefined && KEY_SELECTION_CLAIM.test(value.name)) return [];
      return [value];
    });
  }

  private tokenOriginCache: Set<string> | undefined;

  /** Request values the file hands to token verification or decoding: a custom token header is a credential. */
  private tokenOrigins(): Set<string> {
    if (this.tokenOriginCache) return this.tokenOriginCache;
    this.tokenOriginCache = new Set();
    for (const call of this.index.calls) {
      const first = call.arguments[0];
      if (!first || !/^(verify|verifyAsync|verifySync|jwtVerify|decode|decodeJwt|jwtDecode|jwt_decode)$/.test(calleeName(call) ?? '')) continue;
      for (const value of this.evaluator.trustOf(first)) if (value.trust === 'untrusted') this.tokenOriginCache.add(originKey(value));
    }
    return this.tokenOriginCache;
  }

  // ── Authorization APIs and data scoping ──────────────────────────────────

  private authorizationCall(call: TSESTree.CallExpression): void {
    const name = calleeName(call);
    if (!name || !isAuthorizationFunction(name, dottedPath(call.callee), this.settings.authorizationFunctions)) return;
    const fn = this.index.functionContaining(call);
    const operands: DecisionOperand[] = [];
    const receiver = calleeObject(call);
    if (receiver) {
      const values = this.relevantValues(receiver).filter((value) => value.trust === 'verified');
      if (values.length > 0) operands.push({ node: receiver, values });
    }
    call.arguments.forEach((argument, position) => {
      if (isFunctionNode(argument) || argument.type === AST_NODE_TYPES.Literal) return;
      const values = this.relevantValues(argument).filter((value) => position === 0 || value.trust === 'verified' || isAuthorizationName(valueName(value) ?? ''));
      if (values.length > 0) operands.push({ node: argument, values });
    });
    if (operands.length > 0) this.decisions.push({ kind: 'authorization-call', node: call, fn, operands });
  }

  private dataScope(object: TSESTree.ObjectExpression): void {
    if (!this.isQueryFilter(object)) return;
    const fn = this.index.functionContaining(object);
    for (const property of object.properties) {
      const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
      if (key && isIdentityKey(key)) this.scopeSites.push({ node: property, key, value: (property as TSESTree.Property).value });
    }
    if (this.isScopedByClaims(object)) {
      this.claimScope(object, fn);
      return;
    }
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKeyName(property);
      if (!key || !isIdentityKey(key)) continue;
      this.scopeOperand(property.value, fn, property);
    }
  }

  /**
   * `Invoice.find({ userId: req.auth.sub })`: the rows are chosen by the verified subject, a decision on claims
   * (what keeps a caller to their own records). Recorded with its verified operands, so the grade sees it.
   */
  private claimScope(object: TSESTree.ObjectExpression, fn: FunctionNode | null): void {
    const operands: DecisionOperand[] = [];
    const anchors: UntrustedValue[] = [];
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const values = this.evaluator.trustOf(property.value);
      const verified = values.filter((value) => value.trust === 'verified');
      if (verified.length > 0) operands.push({ node: property.value, values: verified });
      // `{ workspaceId: params.workspaceId, userId: user.sub }`: the caller's membership of that id, looked up.
      anchors.push(...values.filter((value): value is UntrustedValue => value.trust === 'untrusted' && !value.container));
    }
    if (operands.length > 0) this.decisions.push({ kind: 'data-scope', node: object, fn, operands, ...(anchors.length > 0 ? { anchors } : {}) });
  }

  /**
   * A filter that also matches the caller (`{ orgId: c.req.param('id'), userId: payload.sub }`) cannot reach
   * another caller's rows: a verified claim, or an identity key whose value the server determined.
   */
  private isScopedByClaims(object: TSESTree.ObjectExpression): boolean {
    return object.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return false;
      const values = this.evaluator.trustOf(property.value);
      if (values.some((value) => value.trust === 'verified')) return true;
      const key = propertyKeyName(property);
      const serverSide = values.length === 0 && unwrap(property.value).type !== AST_NODE_TYPES.Literal && !isFunctionNode(property.value);
      return serverSide && key !== undefined && PERSON_KEY.test(key);
    });
  }

  /** knex-style `.where('tenant_id', value)`. */
  private positionalFilter(call: TSESTree.CallExpression): void {
    const name = calleeName(call);
    if (!name || !/^(where|andWhere|orWhere|whereIn)$/.test(name)) return;
    const column = staticString(call.arguments[0]);
    const value = call.arguments[call.arguments.length - 1];
    if (!column || call.arguments.length < 2 || !value || !isIdentityKey(column.split('.').pop()!)) return;
    this.scopeSites.push({ node: call, key: column, value });
    this.scopeOperand(value, this.index.functionContaining(call), call);
  }

  /** A query builder's `where(eq(notes.authorId, sub))`: the owner column compared with the value scopes the rows. */
  private conditionFilter(call: TSESTree.CallExpression): void {
    const owners = ownerConditionValues(call);
    if (owners.length === 0) return;
    const fn = this.index.functionContaining(call);
    for (const value of owners) {
      this.scopeSites.push({ node: call, key: 'owner column', value });
      this.scopeOperand(value, fn, call);
    }
  }

  private sqlCall(call: TSESTree.CallExpression): void {
    const name = calleeName(call);
    if (!name || !SQL_METHOD.test(name)) return;
    const [text, parameters] = call.arguments;
    if (!text) return;
    const bare = unwrap(text);
    if (bare.type === AST_NODE_TYPES.TemplateLiteral) {
      this.sqlTemplate(call, bare);
      return;
    }
    const sql = staticString(bare);
    if (!sql || !mentionsIdentityColumn(sql) || !parameters) return;
    const positions = identityPlaceholderPositions(sql);
    const list = unwrap(parameters);
    if (list.type !== AST_NODE_TYPES.ArrayExpression) return;
    const fn = this.index.functionContaining(call);
    const owners = list.elements.filter((element, position): element is TSESTree.Expression => !!element && element.type !== AST_NODE_TYPES.SpreadElement && positions.has(position));
    for (const element of owners) this.scopeSites.push({ node: call, key: 'owner column', value: element });
    if (this.scopedByClaims(call, owners, fn)) return;
    for (const element of owners) this.scopeOperand(element, fn, call);
  }

  /**
   * `WHERE m.team_id = $1 AND m.tenant_id = $2` with the verified tenant at `$2`: the rows also match the caller, so
   * the other ids cannot reach another caller's rows. Recorded as one decision on the claims, like an object filter's.
   */
  private scopedByClaims(call: TSESTree.CallExpression, owners: readonly TSESTree.Node[], fn: FunctionNode | null): boolean {
    const operands: DecisionOperand[] = [];
    const anchors: UntrustedValue[] = [];
    for (const element of owners) {
      const values = this.evaluator.trustOf(element);
      const verified = values.filter((value) => value.trust === 'verified');
      if (verified.length > 0) operands.push({ node: element, values: verified });
      anchors.push(...values.filter((value): value is UntrustedValue => value.trust === 'untrusted' && !value.container));
    }
    if (operands.length === 0) return false;
    this.decisions.push({ kind: 'data-scope', node: call, fn, operands, ...(anchors.length > 0 ? { anchors } : {}) });
    return true;
  }

  private sqlTemplate(owner: TSESTree.Node, template: TSESTree.TemplateLiteral): void {
    const fn = this.index.functionContaining(owner);
    template.expressions.forEach((expression, position) => {
      const before = template.quasis[position]?.value.raw ?? '';
      if (/\b(tenant|org|organi[sz]ation|account|owner|user|customer|company|workspace|team)_?id\s*(=|IN\s*\(|in\s*\()\s*['"]?$/i.test(before)) {
        this.scopeSites.push({ node: owner, key: 'owner column', value: expression });
        this.scopeOperand(expression, fn, owner);
      }
    });
  }

  private scopeOperand(value: TSESTree.Node, fn: FunctionNode | null, decisionNode: TSESTree.Node): void {
    const anchored = this.anchored.get(fn);
    const values = this.relevantValues(value).filter((trust) => trust.trust !== 'untrusted' || !anchored?.has(originKey(trust)));
    if (values.length > 0) this.decisions.push({ kind: 'data-scope', node: decisionNode, fn, operands: [{ node: value, values }] });
  }

  private isQueryFilter(object: TSESTree.ObjectExpression): boolean {
    let current: TSESTree.Node = object;
    for (let hops = 0; hops < 4; hops++) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(parent);
        return parent.arguments.includes(current as TSESTree.CallExpressionArgument) && !!name && QUERY_METHOD.test(name) && !isResponseCall(parent);
      }
      if (parent.type === AST_NODE_TYPES.Property) {
        const key = propertyKeyName(parent);
        // A relation filter (`where: { owner: { email: session.user.email } }`) chooses rows by their owner too, as
        // does a compound unique key of an owner and a record (Prisma's `userId_conversationId: { userId, conversationId }`).
        if (!key || !(FILTER_PROPERTY.test(key) || isOwnerField(key) || key.split('_').some((part) => part !== '' && isIdentityKey(part)))) return false;
        current = parent.parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.ArrayExpression) {
        current = parent;
        continue;
      }
      // `const filter = { userId, … }; Ticket.find(filter)`: the variable is the filter.
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
        return this.isPassedToQuery(parent.id);
      }
      return false;
    }
    return false;
  }

  private isPassedToQuery(binding: TSESTree.Identifier): boolean {
    const variable = this.index.variableOf(binding);
    return !!variable?.references.some((reference) => {
      const parent = reference.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(reference.identifier as TSESTree.Identifier)) return false;
      const name = calleeName(parent);
      return !!name && QUERY_METHOD.test(name) && !isResponseCall(parent);
    });
  }

  // ── Privilege writes ──────────────────────────────────────────────────────

  private findPrivilegeWrites(): void {
    for (const object of this.index.objects) {
      const write = this.writeOf(object);
      if (!write) continue;
      const fn = this.index.functionContaining(object);
      object.properties.forEach((property, position) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          // `{ ...dto, role: 'member' }`: a key written after the spread replaces what the spread copied.
          this.massAssignment(property, property.argument, fn, write, keysAfter(object, position));
          return;
        }
        const key = propertyKeyName(property);
        if (key && isPrivilegeField(key)) this.fieldWrite(property, key, property.value, fn, write);
        else if (key && DATA_PROPERTY.test(key)) this.massAssignment(property.value, property.value, fn, write);
      });
    }
    for (const assignment of this.index.assignments) {
      const left = assignment.left;
      if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
      const key = !left.computed && left.property.type === AST_NODE_TYPES.Identifier ? left.property.name : staticString(left.property);
      if (key && isPrivilegeField(key) && !isPlainObjectField(left)) this.fieldWrite(assignment, key, assignment.right, this.index.functionContaining(assignment));
    }
    for (const call of [...this.index.calls, ...this.index.news]) this.wholeBodyArguments(call);
  }

  private fieldWrite(node: TSESTree.Node, field: string, value: TSESTree.Node, fn: FunctionNode | null, write?: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const untrusted = this.evaluator.trustOf(value).find((trust): trust is UntrustedValue => trust.trust === 'untrusted' && !isCredentialOrIntegrityName(trust.name ?? ''));
    if (untrusted) {
      if (this.persistsHere(write)) this.privilegeWrites.push({ node, fields: [field], wholeBody: false, value: untrusted, fn });
      return;
    }
    for (const placeholder of this.callerParams(value)) if (this.persistsHere(write)) this.paramWrites.push({ node, fields: [field], wholeBody: false, param: placeholder });
  }

  private wholeBodyArguments(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (!isWriteCall(call)) return;
    const skipFirst = filterComesFirst(call);
    const fn = this.index.functionContaining(call);
    call.arguments.forEach((argument, position) => {
      if ((skipFirst && position === 0) || (isAssignCall(call) && position === 0)) return;
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) this.massAssignment(argument, argument, fn, call);
    });
  }

  /**
   * A whole request body copied into a write, when the record written or the type of what is copied has privilege
   * fields: the model the write targets (in any file), the DTO or schema the value is declared or parsed as, or,
   * when neither is known, the models this file declares.
   */
  private massAssignment(
    node: TSESTree.Node,
    value: TSESTree.Node,
    fn: FunctionNode | null,
    write: TSESTree.CallExpression | TSESTree.NewExpression,
    replaced: readonly string[] = [],
  ): void {
    // `profileSchema.parse(req.body)` with a schema the analysis knows: what it passes on is the body it parsed.
    const input = this.models.parsedInput(value) ?? value;
    // One named input typed as a DTO (`@Args('data') data: UpdateUserInput`, `@Body('profile') p: ProfileDto`) is an
    // object of client fields like the whole body.
    const typedAsObject = () => this.models.valueModel(value) !== undefined;
    // A member named as an object of fields (`args.input`, `{ input }`, `req.body.user`) is one too.
    const wholeObject = (trust: UntrustedValue) => trust.container || isFieldsObjectName(trust.name) || typedAsObject();
    const body = this.evaluator
      .trustOf(input)
      .find((trust): trust is UntrustedValue => trust.trust === 'untrusted' && (trust.source === 'body' || trust.source === 'query' || trust.source === 'argument') && wholeObject(trust));
    // A parameter copied whole: what callers in other files pass decides (see FileAnalysis.paramPrivilegeWrites).
    const params = body ? [] : this.callerParams(value);
    if ((!body && params.length === 0) || !this.persistsHere(write)) return;
    const fields = this.privilegeFieldsOf(write, value).filter((field) => !replaced.includes(field));
    if (body) {
      const open = fields.filter((field) => !(body.omitted ?? []).includes(field));
      if (open.length > 0) this.privilegeWrites.push({ node, fields: open, wholeBody: true, value: body, fn });
      return;
    }
    if (fields.length > 0) for (const placeholder of params) this.paramWrites.push({ node, fields, wholeBody: true, param: placeholder });
  }

  private privilegeFieldsOf(write: TSESTree.CallExpression | TSESTree.NewExpression, value: TSESTree.Node): string[] {
    const target = this.models.writeTarget(write);
    const typed = this.models.valueModel(value);
    if (!target && !typed) return this.declaredPrivilegeFields();
    // A validated DTO or a parsed schema keeps only the fields it declares; a type assertion keeps nothing out.
    if (typed && (typed.kind === 'dto' || typed.kind === 'schema')) return [...typed.privilegeFields];
    return [...new Set([...(target?.privilegeFields ?? []), ...(typed?.privilegeFields ?? [])])];
  }

  /** Parameters a value is, unchanged, when nothing in this file says what they hold. */
  private callerParams(value: TSESTree.Node): ParamPlaceholder[] {
    const values = this.evaluator.valuesOf(value);
    if (values.some((candidate) => 'trust' in candidate)) return [];
    return values.filter((candidate): candidate is ParamPlaceholder => 'shape' in candidate && candidate.shape === 'param' && !candidate.derived);
  }

  private privilegeFieldCache: string[] | undefined;

  /** Privilege fields the file's models declare: schema keys, class properties, interface members. */
  private declaredPrivilegeFields(): string[] {
    if (this.privilegeFieldCache) return this.privilegeFieldCache;
    const names = new Set<string>();
    for (const field of this.index.declaredFields) {
      const key = field.type === AST_NODE_TYPES.PropertyDefinition || field.type === AST_NODE_TYPES.TSPropertySignature ? propertyKeyName(field) : undefined;
      if (key && isPrivilegeField(key)) names.add(key);
    }
    for (const object of this.index.objects) {
      if (!isSchemaDefinition(object)) continue;
      for (const property of object.properties) {
        const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
        if (key && isPrivilegeField(key)) names.add(key);
      }
    }
    this.privilegeFieldCache = [...names];
    return this.privilegeFieldCache;
  }

  /** The create/update/insert/new-model call that persists an object literal, directly or through a variable. */
  private writeOf(object: TSESTree.ObjectExpression): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
    let current: TSESTree.Node = object;
    for (let hops = 0; hops < 4; hops++) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (!parent) return undefined;
      if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
        if (!isWriteCall(parent)) return undefined;
        const position = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
        return position > 0 || !filterComesFirst(parent) ? parent : undefined;
      }
      if (parent.type === AST_NODE_TYPES.Property && parent.value === current && DATA_PROPERTY.test(propertyKeyName(parent) ?? '')) {
        current = parent.parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
        return this.writePassing(parent.id);
      }
      return undefined;
    }
    return undefined;
  }

  private writePassing(binding: TSESTree.Identifier): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
    const variable = this.index.variableOf(binding);
    for (const reference of variable?.references ?? []) {
      const parent = reference.identifier.parent;
      if (
        (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
        parent.arguments.includes(reference.identifier as TSESTree.Identifier) &&
        isWriteCall(parent)
      ) {
        return parent;
      }
    }
    return undefined;
  }

  /**
   * A write that persists its argument here. A call into a service of another file the project index follows is
   * not one: what the service does with the value is reported where it writes it, once. Asked only once a write
   * carries request input, since the answer may take another file's summary.
   */
  private persistsHere(call: TSESTree.CallExpression | TSESTree.NewExpression | undefined): boolean {
    return !call || !this.models.isFollowedCall(call);
  }
}

/**
 * `this.role = …` in a class that extends nothing and has no decorator: an object of the program's own, which no
 * ORM persists (a model extends `Model` or `BaseEntity`, or is declared with `@Entity()`, `@Table`, `@Schema()`…).
 */
function isPlainObjectField(target: TSESTree.MemberExpression): boolean {
  if (target.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const owner = enclosingClass(target);
  return !!owner && !owner.superClass && decoratorsOf(owner).length === 0;
}

const METADATA_READS = VOCABULARY.routing.decoratedControllers.flatMap((model) => (model.metadataReads ? [model.metadataReads] : []));

/** A read of route metadata as the decorated-controller models spell it (`this.reflector.getAllAndOverride(…)`). */
function isMetadataRead(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call) ?? '';
  const receiver = calleeObject(call);
  const receiverName = receiver ? (receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : undefined) : undefined;
  return METADATA_READS.some((reads) => reads.methods.includes(name) && reads.receivers.includes(receiverName ?? ''));
}

/** `return true;`, alone or as a block's only statement. */
function returnsTrue(branch: TSESTree.Statement): boolean {
  const only = branch.type === AST_NODE_TYPES.BlockStatement ? (branch.body.length === 1 ? branch.body[0] : undefined) : branch;
  return only?.type === AST_NODE_TYPES.ReturnStatement && !!only.argument && only.argument.type === AST_NODE_TYPES.Literal && only.argument.value === true;
}

/** The keys an object literal sets after position `position`. */
function keysAfter(object: TSESTree.ObjectExpression, position: number): string[] {
  return object.properties.slice(position + 1).flatMap((property) => {
    const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
    return key ? [key] : [];
  });
}

/** Constructors that build values, not records. */
const BUILT_IN_CLASS =
  /^(Error|Map|Set|WeakMap|WeakSet|Date|URL|URLSearchParams|FormData|Headers|Request|Response|Blob|File|Buffer|TextDecoder|TextEncoder|Uint8Array|ArrayBuffer|DataView|Promise|Proxy|RegExp|\w+Error|\w+Exception|\w+Event)$/;

/**
 * `Object.assign(target, source)`, `_.merge(target, source)`, TypeORM's `repo.merge(entity, dto)`: the first argument
 * is the target. MikroORM's `wrap(entity).assign(dto)` names its target in `wrap()`.
 */
function isAssignCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeName(call);
  return (name === 'assign' || name === 'merge') && call.arguments.length >= 2;
}

function isWriteCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (call.type === AST_NODE_TYPES.NewExpression) return /^[A-Z]/.test(name) && !BUILT_IN_CLASS.test(name);
  return WRITE_METHOD.test(name) && !isResponseCall(call);
}

/** `res.set(...)`, `reply.header(...)`, `ctx.set(...)`: response headers, not persistence. */
function isResponseCall(call: TSESTree.CallExpression): boolean {
  const receiver = calleeObject(call);
  return !!receiver && receiver.type === AST_NODE_TYPES.Identifier && /^(res|response|reply|ctx|c|headers|map|cache|params|searchParams|url)$/i.test(receiver.name);
}

function isSchemaDefinition(object: TSESTree.ObjectExpression): boolean {
  const parent = object.parent;
  if (parent?.type !== AST_NODE_TYPES.NewExpression && parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(parent) ?? '';
  return /^(Schema|define|init|model|table|createTable|pgTable|mysqlTable|sqliteTable|object)$/.test(name);
}

interface ComparedSide {
  node: TSESTree.Node;
  trust: readonly TrustValue[];
}

const isCallerValue = (value: TrustValue): boolean => value.trust === 'untrusted';

/**
 * `req.body.answer === challenge.answer`, `hash(password) !== user.passwordHash`: the caller proves it knows a secret
 * the server holds. The server's value decides, as a credential check; nothing the caller claims about itself does.
 */
function isKnowledgeCheck(left: ComparedSide, right: ComparedSide): boolean {
  const heldSecret = (side: ComparedSide, other: ComparedSide): boolean =>
    !side.trust.some(isCallerValue) && other.trust.some(isCallerValue) && isKnowledgeName(operandName(side.node) ?? '');
  return heldSecret(left, right) || heldSecret(right, left);
}

/**
 * `body.new !== body.repeat`: two form values the caller sends must agree, which the caller can always make them.
 * An identity the caller claims in a header or cookie (`req.cookies.tenant !== req.params.tenant`) is the
 * caller saying who it is, and a privilege name is a privilege: those stay decisions.
 */
function isFormAgreement(left: ComparedSide, right: ComparedSide): boolean {
  if (![left, right].every((side) => side.trust.length > 0 && side.trust.every(isCallerValue))) return false;
  const values = [...left.trust, ...right.trust];
  const claimsIdentity = values.some((value) => value.trust === 'untrusted' && (value.source === 'header' || value.source === 'cookie'));
  return !values.some((value) => {
    const name = valueName(value) ?? '';
    return isPrivilegeName(name) || (claimsIdentity && isAuthorizationName(name));
  });
}

/** A value an identity comparison means as the caller's identity: a verified claim, a property middleware sets, a named header. */
function saysIdentity(value: TrustValue): boolean {
  return value.trust === 'verified' || value.trust === 'pending' || (value.trust === 'untrusted' && value.source === 'header' && value.name !== undefined);
}

/** `x === null`, `x !== undefined`, `typeof x === 'string'`: whether a value is there, not what it grants. */
function isPresenceTest(node: TSESTree.BinaryExpression): boolean {
  return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && (isNothing(node.left) || isNothing(node.right));
}

/** `null`, `undefined`, `void 0`, a `typeof`, and the strings a form sends for a missing field (`''`, `'undefined'`). */
function isNothing(side: TSESTree.Node): boolean {
  const bare = unwrap(side);
  if (bare.type === AST_NODE_TYPES.Literal) return bare.value === null || bare.value === '' || bare.value === 'undefined' || bare.value === 'null';
  return (bare.type === AST_NODE_TYPES.Identifier && bare.name === 'undefined') || (bare.type === AST_NODE_TYPES.UnaryExpression && (bare.operator === 'void' || bare.operator === 'typeof'));
}

/** The side of `x !== null` that is not nothing. */
function presentSide(node: TSESTree.BinaryExpression): TSESTree.Node {
  return isNothing(node.left as TSESTree.Node) ? node.right : (node.left as TSESTree.Node);
}

function isEquality(node: TSESTree.BinaryExpression): boolean {
  return ['===', '!==', '==', '!='].includes(node.operator);
}

/** `'/'`, `'..'`: a test for characters, the form of a value rather than what it names. */
function isPunctuation(node: TSESTree.Node): boolean {
  const text = staticString(node);
  return text !== undefined && text.length > 0 && !/[\p{L}\p{N}]/u.test(text);
}

function isTestExpression(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.BinaryExpression ||
    node.type === AST_NODE_TYPES.LogicalExpression ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') ||
    (node.type === AST_NODE_TYPES.CallExpression && isTestMethod(calleeName(node)))
  );
}

/** The expression, `return` and `throw` statements right after `node` in its block, up to the first of another kind. */
function followingPlainStatements(node: TSESTree.Node): TSESTree.Node[] {
  const parent = node.parent;
  if (!parent || (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program)) return [];
  const body = parent.body as TSESTree.Node[];
  const run: TSESTree.Node[] = [];
  for (let at = body.indexOf(node) + 1; at < body.length && run.length < MAX_FOLLOWING_STATEMENTS; at++) {
    const statement = body[at]!;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement && statement.type !== AST_NODE_TYPES.ReturnStatement && statement.type !== AST_NODE_TYPES.ThrowStatement) break;
    run.push(statement);
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) break;
  }
  return run;
}

const MAX_FOLLOWING_STATEMENTS = 4;

/** A branch that ends in `return` (or is one), so what follows the `if` runs only when the test failed. */
function leaves(branch: TSESTree.Statement): boolean {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body[branch.body.length - 1] : branch;
  return last?.type === AST_NODE_TYPES.ReturnStatement;
}

/** Positions (0-based) of SQL parameters that follow an identity column comparison (`user_id = $1`, `tenant_id = ?`). */
function identityPlaceholderPositions(sql: string): Set<number> {
  const positions = new Set<number>();
  const placeholder = /\$(\d+)|\?/g;
  let ordinal = 0;
  let match: RegExpExecArray | null;
  while ((match = placeholder.exec(sql)) !== null) {
    const position = match[1] !== undefined ? Number(match[1]) - 1 : ordinal;
    ordinal++;
    const before = sql.slice(Math.max(0, match.index - 60), match.index);
    if (/\b(tenant|org|organi[sz]ation|account|owner|user|customer|company|workspace|team)_?id\s*(=|IN\s*\(|in\s*\()\s*$/i.test(before)) positions.add(position);
  }
  return positions;
}

export function valueName(value: TrustValue): string | undefined {
  return value.name;
}

function originKey(value: UntrustedValue): string {
  return `${value.source}|${value.name ?? ''}`;
}

/** The whole verified claims object that a request property holds (`req.user`), not a claim below it. */
function isRequestClaims(value: TrustValue): boolean {
  return value.trust === 'verified' && value.name === undefined && value.claimsPath !== undefined && value.claimsPath.includes('.');
}
