import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import type { RunTests } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintWithRule } from '../lint-one-rule';
import { runUnderBothParsers } from '../both-parsers';

type MessageIds = 'privilegeField' | 'massAssignment';

const ruleName = 'no-privilege-from-request';
// Undefined until the rule is registered; the suite then fails with one clear test instead of a load error.
const rule = plugin.rules[ruleName] as (typeof plugin.rules)[string] | undefined;


// One privilege field written from request input, reported at the Property or AssignmentExpression.
function privilegeField(line: number, column: number) {
  return { messageId: 'privilegeField', line, column } as const;
}

// A whole request body copied into a model that declares a privilege field, reported at the body expression.
function massAssignment(line: number, column: number) {
  return { messageId: 'massAssignment', line, column } as const;
}

const tests: RunTests<MessageIds, []> = {
  valid: [
    // One scalar argument is no object of fields: the key-value form of set() writes one field.
    `const { Schema, model } = require('mongoose');
const Profile = model('Profile', new Schema({ handle: String, role: String }));
const resolvers = {
  Mutation: {
    rename: async (_, { id, handle }) => (await Profile.findById(id)).set('handle', handle).save(),
  },
};`,
    // A schema without privilege fields keeps them out, through safeParse too.
    `import { z } from 'zod';
const User = sequelize.define('User', { displayName: DataTypes.STRING, role: DataTypes.STRING });
const profileSchema = z.object({ displayName: z.string() });
app.post('/profile', async (req, res) => {
  const parsed = profileSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error);
  await User.create(parsed.data);
});`,
    // A plain object of the request's own (no model, nothing persisted): its decision is no-untrusted-authorization's.
    `class AccessContext {
  load(req) {
    this.role = req.query.role;
    return this;
  }
  isAdmin() {
    return this.role === 'admin';
  }
}
app.get('/admin', (req, res) => {
  if (!new AccessContext().load(req).isAdmin()) return res.sendStatus(403);
  res.json(report());
});`,
    // Express: fields that carry no privilege
    `app.post('/users', async (req, res) => {
  await User.create({ name: req.body.name, email: req.body.email });
  res.sendStatus(201);
});`,
    `app.post('/users', async (req, res) => {
  user.displayName = req.body.displayName;
  await user.save();
});`,
    `app.post('/audit', async (req, res) => {
  await Audit.create({ requestId: req.get('x-request-id'), action: 'signup' });
});`,
    `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, locale: req.headers['accept-language'] });
});`,
    `app.post('/login', async (req, res) => {
  user.lastLoginIp = req.ip;
  await user.save();
});`,
    `app.post('/settings', async (req, res) => {
  const merged = Object.assign({}, defaults, { theme: req.body.theme });
  res.json(merged);
});`,

    // Express: privilege fields from literals, constants and server-side policy
    `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, role: 'member' });
});`,
    `const DEFAULT_ROLE = 'member';
app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, role: DEFAULT_ROLE });
});`,
    `app.post('/users/:id/ban', async (req, res) => {
  const user = await User.findById(req.params.id);
  user.isAdmin = false;
  await user.save();
});`,
    `app.post('/users', async (req, res) => {
  await User.updateOne({ _id: req.params.id }, { $set: { role: 'member' } });
});`,
    `app.post('/signup', async (req, res) => {
  const invite = await Invite.findOne({ code: req.body.inviteCode });
  await User.create({ email: req.body.email, role: invite.role });
});`,
    `app.post('/subscribe', async (req, res) => {
  const plan = await Plan.findById(req.body.planId);
  await User.create({ email: req.body.email, permissions: plan.permissions });
});`,
    `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, role: policy.defaultRoleFor(req.body.email) });
});`,
    `const NEW_USER = { role: 'member', permissions: [] };
app.post('/users', async (req, res) => {
  await User.create({ ...NEW_USER, email: req.body.email });
});`,

    // Express: privilege fields from verified claims
    `app.post('/admin/users', async (req, res) => {
  await User.create({ email: req.body.email, role: req.auth.payload.role });
});`,
    `app.post('/admin/users', async (req, res) => {
  const user = new User({ email: req.body.email });
  user.role = req.auth.role;
  await user.save();
});`,
    `app.post('/admin/users', passport.authenticate('jwt', { session: false }), async (req, res) => {
  await User.create({ email: req.body.email, groups: req.user.groups });
});`,
    `app.post('/admin/users', async (req, res) => {
  await User.create({ email: req.body.email, permissions: res.locals.claims.permissions });
});`,
    `app.post('/admin/users', async (req, res) => {
  const claims = jwt.verify(req.headers.authorization.slice(7), publicKey, { algorithms: ['RS256'], issuer, audience });
  await User.create({ email: req.body.email, scopes: claims.scopes });
});`,
    `app.post('/admin/users', async (req, res) => {
  const { payload } = await jose.jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer, audience });
  await User.create({ email: req.body.email, accessLevel: payload.access_level });
});`,
    `app.post('/clone', async (req, res) => {
  await User.create(req.auth.payload);
});`,

    // Express: privilege values read but never written to a record
    `app.post('/preview', (req, res) => {
  res.json({ role: req.body.role });
});`,
    `app.use((req, res, next) => {
  logger.info({ role: req.headers['x-role'] }, 'requested role');
  next();
});`,
    `app.get('/users', async (req, res) => {
  res.json(await User.find({ role: req.query.role }));
});`,
    `app.get('/users/count', async (req, res) => {
  const filters = { isAdmin: req.query.isAdmin === 'true' };
  res.json(await User.countDocuments(filters));
});`,
    `app.post('/users', async (req, res) => {
  if (req.body.role === 'admin') return res.status(400).send('role cannot be chosen');
  await User.create({ email: req.body.email });
});`,
    `app.post('/users', async (req, res) => {
  let role = req.body.role;
  console.log('role requested', role);
  res.sendStatus(202);
});`,
    { code: `interface UserRecord { email: string; role: string }
app.post('/echo', (req, res) => {
  res.json(req.body);
});`, filename: 'file.ts' },

    // Express: whole bodies that cannot carry a declared privilege field
    `app.post('/users', async (req, res) => {
  await User.create(req.body);
});`,
    `app.post('/users', async (req, res) => {
  await User.create({ ...req.body, role: 'member' });
});`,
    `const postSchema = new Schema({ title: String, body: String });
const Post = model('Post', postSchema);
app.post('/posts', async (req, res) => {
  await Post.create(req.body);
});`,
    `const userSchema = new Schema({ name: String, role: String });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  const { role, ...profile } = req.body;
  await User.create(profile);
});`,
    `const userSchema = new Schema({ name: String, role: String, isAdmin: Boolean });
const User = model('User', userSchema);
app.put('/me', async (req, res) => {
  const { role, isAdmin, ...changes } = req.body;
  await User.findByIdAndUpdate(req.auth.payload.sub, changes);
});`,
    `const userSchema = new Schema({ email: String, role: String });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  await User.create(pick(req.body, ['email', 'name']));
});`,
    `const userSchema = new Schema({ email: String, role: String });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  const input = signupSchema.parse(req.body);
  await User.create(input);
});`,

    // Sequelize, knex, Prisma, MongoDB driver
    `app.post('/users', async (req, res) => {
  await User.update({ name: req.body.name }, { where: { id: req.auth.payload.sub } });
});`,
    `app.post('/users', async (req, res) => {
  await knex('users').insert({ email: req.body.email, role: 'viewer' });
});`,
    `app.post('/users', async (req, res) => {
  await prisma.user.create({ data: { email: req.body.email, name: req.body.name } });
});`,
    { code: `interface UserInput { email: string; isAdmin: boolean }
app.post('/posts', async (req, res) => {
  await prisma.post.create({ data: { title: req.body.title } });
});`, filename: 'file.ts' },
    `app.post('/users', async (req, res) => {
  await db.collection('users').insertOne({ email: req.body.email, groups: [] });
});`,

    // Koa
    `router.post('/users', async (ctx) => {
  await User.create({ email: ctx.request.body.email, role: 'viewer' });
});`,
    `router.get('/me', async (ctx) => {
  ctx.body = { role: ctx.state.user.role };
});`,
    `router.post('/admin/users', async (ctx) => {
  await User.create({ email: ctx.request.body.email, role: ctx.state.user.role });
});`,
    `const userSchema = new Schema({ email: String, role: String, isAdmin: Boolean });
const User = model('User', userSchema);
router.post('/users', async (ctx) => {
  const { isAdmin, role, ...fields } = ctx.request.body;
  await User.create(fields);
});`,

    // Fastify
    `fastify.post('/users', async (request, reply) => {
  await users.insert({ email: request.body.email, isAdmin: false });
});`,
    `fastify.get('/me', async (request, reply) => {
  reply.send({ isAdmin: request.user.isAdmin });
});`,
    `fastify.post('/admin/users', async (request, reply) => {
  await request.jwtVerify();
  await users.insert({ email: request.body.email, role: request.user.role });
});`,

    // Hono
    `app.post('/users', async (c) => {
  const body = await c.req.json();
  await User.create({ email: body.email, role: 'member' });
  return c.json({ ok: true }, 201);
});`,
    `app.get('/whoami', (c) => {
  return c.json({ role: c.req.header('x-role') });
});`,
    `app.post('/admin/users', async (c) => {
  const body = await c.req.json();
  await User.create({ email: body.email, role: c.get('jwtPayload').role });
});`,

    // NestJS
    { code: `class CreateUserDto { email: string; name: string }
@Controller('users')
export class UsersController {
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}`, filename: 'file.ts' },
    { code: `@Controller('users')
export class UsersController {
  @Patch(':id/role')
  promote(@Req() req, @Param('id') id: string) {
    return this.repo.update(id, { role: req.user.role });
  }
}`, filename: 'file.ts' },
    { code: `@Controller('users')
export class UsersController {
  @Post()
  create(@Body('email') email: string) {
    return this.repo.save({ email, role: 'member' });
  }
}`, filename: 'file.ts' },

    // Next.js route handlers
    { code: `export async function POST(request: Request) {
  const body = await request.json();
  await prisma.user.create({ data: { email: body.email } });
  return Response.json({ ok: true });
}`, filename: 'file.ts' },
    { code: `export async function GET(request: NextRequest) {
  return NextResponse.json({ role: request.headers.get('x-role') });
}`, filename: 'file.ts' },

    // Node http
    `http.createServer((req, res) => {
  res.end(JSON.stringify({ role: 'guest' }));
});`,

    // GraphQL resolvers
    `const resolvers = {
  Mutation: {
    createPost: (parent, args, context) => Post.create({ title: args.title, role: 'post' }),
  },
};`,
    `const resolvers = {
  Query: {
    users: (parent, args, context) => User.find({ role: args.role }),
  },
};`,
    `const resolvers = {
  Mutation: {
    createUser: (parent, args, context) => User.create({ email: args.email, role: 'member' }),
  },
};`,

    // Names that look like privilege fields but are not written ones
    `app.post('/orgs', async (req, res) => {
  settings.adminEmail = req.body.adminEmail;
  await settings.save();
});`,
    `app.post('/jobs', async (req, res) => {
  await Job.create({ title: req.body.title, jobTitle: req.body.jobTitle });
});`,
    // A form body parsed into URLSearchParams is not a record, even where an interface declares `groups`.
    { code: `interface CollectionInput { groups: string[] | null }
export async function readFormBody(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}`, filename: 'file.ts' },

    // Models: the record written decides which fields a copied body can grant
    `const { Schema, model } = require('mongoose');
const User = model('User', new Schema({ email: String, role: String }));
const PaymentEvent = model('PaymentEvent', new Schema({ eventId: String, payload: Object }));
app.post('/webhooks', async (req, res) => {
  await PaymentEvent.create(req.body);
});`,
    `const { Schema, model } = require('mongoose');
const User = model('User', new Schema({ email: String, role: String, isAdmin: Boolean }));
app.post('/signup', async (req, res) => {
  await User.create({ ...req.body, role: 'user', isAdmin: false });
});`,
    // A validated DTO that declares no privilege field keeps the entity's privilege fields out
    {
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
import { IsEmail, IsString } from 'class-validator';
@Entity()
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() email: string;
  @Column() isAdmin: boolean;
}
export class RegisterDto {
  @IsEmail() email: string;
  @IsString() password: string;
}
@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly people: Repository<Account>) {}
  @Post()
  register(@Body() dto: RegisterDto) { return this.people.save(this.people.create({ ...dto })); }
}`,
      filename: 'accounts.controller.ts',
    },
    // A zod schema without the privilege field parses the body first
    `import { z } from 'zod';
const User = sequelize.define('User', { displayName: DataTypes.STRING, role: DataTypes.STRING });
const profileSchema = z.object({ displayName: z.string(), role: z.string().optional() }).omit({ role: true });
app.post('/profile', async (req, res) => {
  const input = profileSchema.parse(req.body);
  await User.create(input);
});`,
  ],

  invalid: [
    // A model's own method that sets the field from the request and saves it.
    {
      code: `class User extends Model {
  promote(req) {
    this.role = req.body.role;
    return this.save();
  }
}`,
      errors: [privilegeField(3, 5)],
    },
    // Express: one field from the body
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ name: req.body.name, role: req.body.role });
  res.sendStatus(201);
});`,
      errors: [privilegeField(2, 44)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  const user = new User({ email: req.body.email, isAdmin: req.body.isAdmin });
  await user.save();
});`,
      errors: [privilegeField(2, 50)],
    },
    {
      code: `app.put('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  user.isAdmin = req.body.isAdmin;
  await user.save();
});`,
      errors: [privilegeField(3, 3)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  const user = await User.findById(req.auth.payload.sub);
  user.role = req.body.role;
  await user.save();
});`,
      errors: [privilegeField(3, 3)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  user['role'] = req.body.role;
  await user.save();
});`,
      errors: [privilegeField(2, 3)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  user.isSuperuser = req.body.isSuperuser;
  user.isStaff = req.body.isStaff;
  await user.save();
});`,
      errors: [privilegeField(2, 3), privilegeField(3, 3)],
    },
    {
      code: `app.post('/accounts', async (req, res) => {
  await new Account({ owner: req.auth.payload.sub, admin: req.body.admin }).save();
});`,
      errors: [privilegeField(2, 52)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, userType: req.body.userType });
});`,
      errors: [privilegeField(2, 46)],
    },

    // Express: propagation through variables and expressions
    {
      code: `app.post('/users', async (req, res) => {
  const { name, role } = req.body;
  await User.create({ name, role });
});`,
      errors: [privilegeField(3, 29)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  const role = req.body.role || 'member';
  await User.create({ email: req.body.email, role });
});`,
      errors: [privilegeField(3, 46)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  const { profile: { role = 'member' } = {} } = req.body;
  await User.create({ role });
});`,
      errors: [privilegeField(3, 23)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  const data = { email: req.body.email, roles: req.body.roles };
  await User.create(data);
});`,
      errors: [privilegeField(2, 41)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ role: req.body.role ?? 'member' });
});`,
      errors: [privilegeField(2, 23)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ role: req.body.role.toLowerCase().trim() });
});`,
      errors: [privilegeField(2, 23)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ scope: \`\${req.body.scope} profile\` });
});`,
      errors: [privilegeField(2, 23)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ roles: [req.body.role] });
});`,
      errors: [privilegeField(2, 23)],
    },
    {
      code: `type Role = 'member' | 'admin';
app.post('/users', async (req, res) => {
  await User.create({ role: req.body.role as Role });
});`,
    filename: 'file.ts',
      errors: [privilegeField(3, 23)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  user.scope = req.body.scope.split(' ');
  await user.save();
});`,
      errors: [privilegeField(2, 3)],
    },
    {
      code: `function requestedRole(req) {
  return req.body.role;
}
app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, role: requestedRole(req) });
});`,
      errors: [privilegeField(5, 46)],
    },
    {
      code: `function createAccount(email, role) {
  return User.create({ email, role });
}
app.post('/signup', async (req, res) => {
  await createAccount(req.body.email, req.body.role);
});`,
      errors: [privilegeField(2, 31)],
    },

    // Express: privilege from headers, query, path params and cookies
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, role: req.headers['x-role'] });
});`,
      errors: [privilegeField(2, 46)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, userType: req.get('x-user-type') });
});`,
      errors: [privilegeField(2, 46)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  user.isAdmin = Boolean(req.query.admin);
  await user.save();
});`,
      errors: [privilegeField(2, 3)],
    },
    {
      code: `app.put('/users/:id/type/:type', async (req, res) => {
  user.userType = req.params.type;
  await user.save();
});`,
      errors: [privilegeField(2, 3)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  user.role = req.cookies.role;
  await user.save();
});`,
      errors: [privilegeField(2, 3)],
    },

    // Sequelize, knex, Prisma, MongoDB driver, TypeORM
    {
      code: `app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, is_admin: req.body.is_admin });
});`,
      errors: [privilegeField(2, 46)],
    },
    {
      code: `app.put('/users/:id', async (req, res) => {
  await User.update({ role: req.body.role }, { where: { id: req.params.id } });
});`,
      errors: [privilegeField(2, 23)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await knex('users').insert({ email: req.body.email, role: req.body.role });
});`,
      errors: [privilegeField(2, 55)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  await db('users').where({ id: req.auth.payload.sub }).update({ is_admin: req.body.is_admin });
});`,
      errors: [privilegeField(2, 66)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await prisma.user.create({ data: { email: req.body.email, role: req.body.role } });
});`,
      errors: [privilegeField(2, 61)],
    },
    {
      code: `app.put('/users/:id', async (req, res) => {
  await prisma.user.update({ where: { id: req.params.id }, data: { permissions: req.body.permissions } });
});`,
      errors: [privilegeField(2, 68)],
    },
    {
      code: `app.put('/users', async (req, res) => {
  await prisma.user.upsert({
    where: { email: req.body.email },
    update: { role: req.body.role },
    create: { email: req.body.email, role: req.body.role },
  });
});`,
      errors: [privilegeField(4, 15), privilegeField(5, 38)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await db.collection('users').insertOne({ email: req.body.email, groups: req.body.groups });
});`,
      errors: [privilegeField(2, 67)],
    },
    {
      code: `app.put('/users/:id', async (req, res) => {
  await User.findByIdAndUpdate(req.params.id, { permissions: req.body.permissions });
});`,
      errors: [privilegeField(2, 49)],
    },
    {
      code: `app.put('/me', async (req, res) => {
  await User.updateOne({ _id: req.auth.payload.sub }, { $set: { accessLevel: req.body.accessLevel } });
});`,
      errors: [privilegeField(2, 65)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  await repo.save({ email: req.body.email, superuser: req.body.superuser });
});`,
      errors: [privilegeField(2, 44)],
    },
    {
      code: `app.post('/users', async (req, res) => {
  const user = repo.create({ privileges: req.body.privileges });
  await repo.save(user);
});`,
      errors: [privilegeField(2, 30)],
    },

    // Mass assignment into a model that declares a privilege field
    {
      code: `const userSchema = new Schema({ name: String, role: String });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  await User.create(req.body);
});`,
      errors: [massAssignment(4, 21)],
    },
    {
      code: `const userSchema = new mongoose.Schema({ email: String, isAdmin: { type: Boolean, default: false } });
const User = mongoose.model('User', userSchema);
app.post('/users', async (req, res) => {
  const user = new User(req.body);
  await user.save();
});`,
      errors: [massAssignment(4, 25)],
    },
    {
      code: `const userSchema = new Schema({ email: String, permissions: [String] });
const User = model('User', userSchema);
app.put('/me', async (req, res) => {
  const user = await User.findById(req.auth.payload.sub);
  Object.assign(user, req.body);
  await user.save();
});`,
      errors: [massAssignment(5, 23)],
    },
    {
      code: `const userSchema = new Schema({ email: String, role: String });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  await User.create({ ...req.body, createdAt: new Date() });
});`,
      errors: [massAssignment(4, 23)],
    },
    {
      code: `const userSchema = new Schema({ email: String, role: String });
const User = model('User', userSchema);
app.put('/me', async (req, res) => {
  const user = await User.findById(req.auth.payload.sub);
  user.set(req.body);
  await user.save();
});`,
      errors: [massAssignment(5, 12)],
    },
    {
      code: `const userSchema = new Schema({ email: String, role: String });
const User = model('User', userSchema);
app.put('/users/:id', async (req, res) => {
  await User.findByIdAndUpdate(req.params.id, req.body);
});`,
      errors: [massAssignment(4, 47)],
    },
    {
      code: `const userSchema = new Schema({ email: String, role: String, isAdmin: Boolean });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  const { role, ...rest } = req.body;
  await User.create(rest);
});`,
      errors: [massAssignment(5, 21)],
    },
    {
      code: `const userSchema = new Schema({ email: String, scopes: [String] });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  const input = req.body;
  await User.create(input);
});`,
      errors: [massAssignment(5, 21)],
    },
    {
      code: `interface UserInput {
  email: string;
  isAdmin: boolean;
}
app.post('/users', async (req, res) => {
  await prisma.user.create({ data: req.body });
});`,
    filename: 'file.ts',
      errors: [massAssignment(6, 36)],
    },
    {
      code: `@Entity()
class User {
  @Column() email: string;
  @Column() role: string;
}
app.post('/users', async (req, res) => {
  await repo.save(req.body);
});`,
    filename: 'file.ts',
      errors: [massAssignment(7, 19)],
    },

    // Koa
    {
      code: `router.post('/users', async (ctx) => {
  await User.create({ email: ctx.request.body.email, role: ctx.request.body.role });
});`,
      errors: [privilegeField(2, 54)],
    },
    {
      code: `router.put('/me', async (ctx) => {
  const user = await User.findById(ctx.state.user.sub);
  user.isAdmin = ctx.request.body.isAdmin;
  await user.save();
});`,
      errors: [privilegeField(3, 3)],
    },
    {
      code: `router.post('/users', async (ctx) => {
  await User.create({ email: ctx.request.body.email, role: ctx.get('x-role') });
});`,
      errors: [privilegeField(2, 54)],
    },
    {
      code: `router.put('/users/:id', async (ctx) => {
  await User.update({ role: ctx.query.role }, { where: { id: ctx.params.id } });
});`,
      errors: [privilegeField(2, 23)],
    },
    {
      code: `const userSchema = new Schema({ email: String, role: String });
const User = model('User', userSchema);
router.post('/users', async (ctx) => {
  ctx.body = await User.create(ctx.request.body);
});`,
      errors: [massAssignment(4, 32)],
    },

    // Fastify
    {
      code: `fastify.post('/users', async (request, reply) => {
  await User.create({ email: request.body.email, role: request.body.role });
  reply.code(201).send();
});`,
      errors: [privilegeField(2, 50)],
    },
    {
      code: `fastify.post('/users', async (request: FastifyRequest<{ Body: { email: string; scopes: string[] } }>, reply) => {
  const { email, scopes } = request.body;
  await users.insert({ email, scopes });
});`,
    filename: 'file.ts',
      errors: [privilegeField(3, 31)],
    },
    {
      code: `fastify.put('/me', async (request, reply) => {
  user.isStaff = Boolean(request.query.isStaff);
  await user.save();
});`,
      errors: [privilegeField(2, 3)],
    },
    {
      code: `fastify.post('/users', async (request, reply) => {
  await users.insert({ email: request.body.email, groups: request.headers['x-groups'].split(',') });
});`,
      errors: [privilegeField(2, 51)],
    },
    {
      code: `type NewUser = { email: string; role: string };
fastify.post('/users', async (request, reply) => {
  await users.insert(request.body as NewUser);
});`,
    filename: 'file.ts',
      errors: [massAssignment(3, 22)],
    },

    // Hono
    {
      code: `app.post('/users', async (c) => {
  const body = await c.req.json();
  await User.create({ email: body.email, role: body.role });
  return c.json({ ok: true }, 201);
});`,
      errors: [privilegeField(3, 42)],
    },
    {
      code: `app.put('/me', async (c) => {
  user.role = c.req.header('x-role');
  await user.save();
  return c.body(null, 204);
});`,
      errors: [privilegeField(2, 3)],
    },

    // NestJS
    {
      code: `@Controller('users')
export class UsersController {
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create({ email: dto.email, role: dto.role });
  }
}`,
    filename: 'file.ts',
      errors: [privilegeField(5, 50)],
    },
    {
      code: `@Controller('users')
export class UsersController {
  @Patch(':id/role')
  async promote(@Param('id') id: string, @Body('role') role: string) {
    const user = await this.repo.findOneBy({ id });
    user.role = role;
    return this.repo.save(user);
  }
}`,
    filename: 'file.ts',
      errors: [privilegeField(6, 5)],
    },
    {
      code: `@Controller('users')
export class UsersController {
  @Patch(':id')
  update(@Param('id') id: string, @Headers('x-role') role: string) {
    return this.repo.update(id, { role });
  }
}`,
    filename: 'file.ts',
      errors: [privilegeField(5, 35)],
    },
    {
      code: `class CreateUserDto {
  email: string;
  role: string;
}
@Controller('users')
export class UsersController {
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}`,
    filename: 'file.ts',
      errors: [massAssignment(9, 30)],
    },
    {
      code: `@Controller('users')
export class UsersController {
  @Patch('me')
  async update(@Req() req) {
    const user = await this.repo.findOneBy({ id: req.user.sub });
    user.permissions = req.body.permissions;
    return this.repo.save(user);
  }
}`,
    filename: 'file.ts',
      errors: [privilegeField(6, 5)],
    },

    // Next.js route handlers
    {
      code: `export async function POST(request: Request) {
  const body = await request.json();
  await prisma.user.create({ data: { email: body.email, role: body.role } });
  return Response.json({ ok: true });
}`,
    filename: 'file.ts',
      errors: [privilegeField(3, 57)],
    },
    {
      code: `import { headers } from 'next/headers';
export async function POST(request: NextRequest) {
  await prisma.user.create({ data: { role: headers().get('x-role') } });
  return NextResponse.json({ ok: true });
}`,
    filename: 'file.ts',
      errors: [privilegeField(3, 38)],
    },
    {
      code: `export async function PATCH(request: NextRequest) {
  await prisma.user.update({ where: { id: 1 }, data: { isAdmin: Boolean(request.nextUrl.searchParams.get('admin')) } });
  return NextResponse.json({ ok: true });
}`,
    filename: 'file.ts',
      errors: [privilegeField(2, 56)],
    },

    // Node http
    {
      code: `http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  await users.insert({ role: url.searchParams.get('role') });
  res.end();
});`,
      errors: [privilegeField(3, 24)],
    },

    // GraphQL resolvers
    {
      code: `const resolvers = {
  Mutation: {
    createUser: (parent, args, context) => User.create({ email: args.email, role: args.role }),
  },
};`,
      errors: [privilegeField(3, 77)],
    },
    {
      code: `const resolvers = {
  Mutation: {
    async updateUser(parent, args, context) {
      const user = await User.findById(context.user.id);
      user.roles = args.input.roles;
      return user.save();
    },
  },
};`,
      errors: [privilegeField(5, 7)],
    },
    {
      code: `const resolvers = {
  Mutation: {
    createUser: (parent, args, context) =>
      User.create({ email: args.email, role: context.req.headers['x-role'] }),
  },
};`,
      errors: [privilegeField(4, 40)],
    },

    // Models: the target's privilege fields, wherever the write names it
    {
      code: `const { Schema, model } = require('mongoose');
const User = model('User', new Schema({ email: String, role: String }));
app.post('/signup', async (req, res) => {
  await User.create({ role: 'user', ...req.body });
});`,
      errors: [massAssignment(4, 37)],
    },
    {
      code: `const { Schema, model } = require('mongoose');
const User = model('User', new Schema({ email: String, isAdmin: Boolean }));
app.put('/me', async (req, res) => {
  await User.updateOne({ _id: req.auth.payload.sub }, { $set: req.body });
});`,
      errors: [massAssignment(4, 63)],
    },
    {
      code: `import { wrap } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
@Entity()
export class Member {
  @PrimaryKey() id!: string;
  @Property() role!: string;
}
app.put('/members/:id', async (req, res) => {
  const member = await em.findOneOrFail(Member, { id: req.params.id, org: req.auth.payload.org_id });
  wrap(member).assign(req.body);
});`,
      filename: 'members.ts',
      errors: [massAssignment(10, 23)],
    },
    // A zod schema that declares the privilege field: what it parsed is copied whole
    {
      code: `import { z } from 'zod';
const Profile = sequelize.define('Profile', { displayName: DataTypes.STRING });
const profileSchema = z.object({ displayName: z.string(), role: z.enum(['user', 'admin']).optional() });
app.post('/profile', async (req, res) => {
  const input = profileSchema.parse(req.body);
  await Profile.create(input);
});`,
      errors: [massAssignment(6, 24)],
    },
    // A GraphQL mutation's input object, copied whole, as an argument member or destructured
    {
      code: `const { Schema, model } = require('mongoose');
const Profile = model('Profile', new Schema({ handle: String, role: String }));
const resolvers = {
  Mutation: {
    createProfile: (_, args) => Profile.create(args.input),
    updateProfile: (_, { id, input }) => Profile.findByIdAndUpdate(id, { ...input }, { new: true }),
  },
};`,
      errors: [massAssignment(5, 48), massAssignment(6, 74)],
    },
    // A body field that holds the record's fields, Rails style
    {
      code: `app.post('/users', async (req, res) => {
  const user = await User.create(req.body.user);
  res.status(201).json(user);
});
const User = mongoose.model('User', new mongoose.Schema({ name: String, isAdmin: Boolean }));`,
      errors: [massAssignment(2, 34)],
    },
    // The same through safeParse: the result's data is what it parsed
    {
      code: `import { z } from 'zod';
const Profile = sequelize.define('Profile', { displayName: DataTypes.STRING });
const profileSchema = z.object({ displayName: z.string(), role: z.enum(['user', 'admin']).default('user') });
app.post('/profile', async (req, res) => {
  const parsed = profileSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error);
  await Profile.create(parsed.data);
});`,
      errors: [massAssignment(7, 24)],
    },
    {
      code: `import { z } from 'zod';
const Profile = sequelize.define('Profile', { displayName: DataTypes.STRING });
const profileSchema = z.object({ displayName: z.string(), role: z.enum(['user', 'admin']).default('user') });
app.post('/profile', async (req, res) => {
  const { success, data } = await profileSchema.safeParseAsync(req.body);
  if (!success) return res.sendStatus(400);
  await Profile.create({ ...data });
});`,
      errors: [massAssignment(7, 26)],
    },
    // An entity injected as a repository, whatever the property is called
    {
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
@Entity()
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() isAdmin: boolean;
}
@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly people: Repository<Account>) {}
  @Post()
  create(@Body() body: unknown) { return this.people.save(this.people.create(body)); }
}`,
      filename: 'accounts.controller.ts',
      errors: [massAssignment(13, 78)],
    },
  ],
};

function lintMessages(code: string): Linter.LintMessage[] {
  return lintWithRule(ruleName, code);
}

describe(ruleName, () => {
  if (!rule) {
    it('is registered in the plugin', () => {
      assert.ok(rule, `eslint-plugin-claimguard does not export the rule ${ruleName}`);
    });
    return;
  }

  runUnderBothParsers(ruleName, rule, tests);

  describe('messages', () => {
    it('names the field, the body field it came from, and the remedy', () => {
      const [message] = lintMessages(`app.post('/users', async (req, res) => {
  await User.create({ email: req.body.email, role: req.body.role });
});`);
      assert.equal(
        message?.message,
        "Privilege field 'role' is set from body field 'role', which the caller controls; set privileges from server-side policy or an administrator's verified claims.",
      );
    });

    it('names a header origin by its header name', () => {
      const [message] = lintMessages(`app.put('/me', async (req, res) => {
  user.isAdmin = req.headers['x-admin'];
  await user.save();
});`);
      assert.ok(message, 'expected a report');
      assert.match(message.message, /Privilege field 'isAdmin' is set from header 'x-admin'/);
    });

    it('names the declared privilege field a copied body can carry', () => {
      const messages = lintMessages(`const userSchema = new Schema({ email: String, isAdmin: Boolean });
const User = model('User', userSchema);
app.post('/users', async (req, res) => {
  await User.create(req.body);
});`);
      assert.equal(messages.length, 1);
      assert.equal(messages[0]?.messageId, 'massAssignment');
      assert.match(messages[0]?.message ?? '', /isAdmin/);
    });
  });
});
