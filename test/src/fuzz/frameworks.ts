/**
 * How each supported framework spells a handler, its request sources, its verified claims and its deny and
 * allow branches, as source text. The fuzz generator picks from these by index, so any index is valid.
 */

export type FrameworkName = 'express' | 'express-class' | 'koa' | 'fastify' | 'hono' | 'nestjs' | 'nextjs' | 'graphql';

export interface HandlerText {
  index: number;
  method: string;
  route: string;
  body: string;
}

/** TypeScript, or the same program as plain JavaScript (what ESLint's default parser, espree, accepts). */
export type Dialect = 'ts' | 'js';

/** `: type` in TypeScript, nothing in JavaScript. */
export function annotation(dialect: Dialect, type: string): string {
  return dialect === 'ts' ? `: ${type}` : '';
}

export interface FrameworkModel {
  name: FrameworkName;
  /** The TypeScript file name; the JavaScript rendering ends in `.js`. */
  filename: string;
  /** False where the framework's handlers cannot be written without TypeScript syntax (NestJS decorators). */
  javascript: boolean;
  prelude: string;
  /** Reads of caller-controlled values, given a key. */
  untrusted: readonly ((key: string) => string)[];
  /** Reads of verified claims, given a claim name. */
  verified: readonly ((claim: string) => string)[];
  /** Whole containers of caller input, for destructuring and spreads. */
  containers: readonly string[];
  deny: readonly string[];
  /** A deny as an expression, for `cond || deny` guards; undefined where the framework has none. */
  denyExpression: string | undefined;
  allow: readonly string[];
  /** The handlers of one file, each already rendered with its body. */
  render(handlers: readonly HandlerText[], dialect: Dialect): string;
}

/** `obj.key` when the key is an identifier, `obj["key"]` otherwise (quoted safely, whatever the key). */
export function member(object: string, key: string, optional = false): string {
  const dot = optional ? '?.' : '.';
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}${dot}${key}` : `${object}${optional ? '?.' : ''}[${JSON.stringify(key)}]`;
}

const unverified = (claim: string): string => member("jwt.decode(String(token), { complete: false })", claim, true);

const express: FrameworkModel = {
  name: 'express',
  filename: 'src/routes/users.ts',
  javascript: true,
  prelude: "import express from 'express';\nimport jwt from 'jsonwebtoken';\nconst app = express();\nconst token = process.env.TOKEN;\n",
  untrusted: [
    (key) => `req.headers[${JSON.stringify(key)}]`,
    (key) => `req.get(${JSON.stringify(key)})`,
    (key) => member('req.params', key),
    (key) => member('req.query', key),
    (key) => member('req.cookies', key, true),
    (key) => member('req.body', key),
  ],
  verified: [(claim) => member('req.auth.payload', claim), (claim) => member('req.user', claim, true), unverified],
  containers: ['req.body', 'req.query', 'req.params', 'req.headers'],
  deny: ["return res.status(403).json({ error: 'forbidden' });", 'return res.sendStatus(401);', "return next(new Error('Forbidden'));"],
  denyExpression: 'res.sendStatus(403)',
  allow: ['return next();', 'return res.json({ ok: true });'],
  render: (handlers) =>
    handlers.map((h) => `app.${h.method}('${h.route}', async (req, res, next) => {\n${h.body}\n});`).join('\n'),
};

/** Express handlers as methods of a controller class, with a static field, a private field and a private method. */
const expressClass: FrameworkModel = {
  ...express,
  name: 'express-class',
  filename: 'src/controllers/users.ts',
  render: (handlers, dialect) => {
    const any = annotation(dialect, 'any');
    const methods = handlers.map((h) => `  async handle${h.index}(req${any}, res${any}, next${any}) {\n  this.#record(req.path);\n${h.body}\n  }`);
    const routes = handlers.map((h) => `app.${h.method}('${h.route}', (req, res, next) => controller.handle${h.index}(req, res, next));`);
    return [
      'class UsersController {',
      '  static instances = 0;',
      `  #seen${annotation(dialect, 'string[]')} = [];`,
      `  #record(path${annotation(dialect, 'string')}) {`,
      '    this.#seen.push(path);',
      '  }',
      ...methods,
      '}',
      'const controller = new UsersController();',
      ...routes,
    ].join('\n');
  },
};

const koa: FrameworkModel = {
  name: 'koa',
  filename: 'src/router.ts',
  javascript: true,
  prelude: "import Router from '@koa/router';\nimport jwt from 'jsonwebtoken';\nconst router = new Router();\nconst token = process.env.TOKEN;\n",
  untrusted: [
    (key) => `ctx.headers[${JSON.stringify(key)}]`,
    (key) => `ctx.get(${JSON.stringify(key)})`,
    (key) => member('ctx.params', key),
    (key) => member('ctx.query', key),
    (key) => `ctx.cookies.get(${JSON.stringify(key)})`,
    (key) => member('ctx.request.body', key),
  ],
  verified: [(claim) => member('ctx.state.user', claim), unverified],
  containers: ['ctx.request.body', 'ctx.query', 'ctx.params'],
  deny: ["ctx.throw(403, 'Forbidden');", "ctx.status = 403;\nreturn;"],
  denyExpression: 'ctx.throw(403)',
  allow: ['return next();', 'ctx.body = { ok: true };\nreturn;'],
  render: (handlers) => handlers.map((h) => `router.${h.method}('${h.route}', async (ctx, next) => {\n${h.body}\n});`).join('\n'),
};

const fastify: FrameworkModel = {
  name: 'fastify',
  filename: 'src/server.ts',
  javascript: true,
  prelude: "import Fastify from 'fastify';\nimport jwt from 'jsonwebtoken';\nconst fastify = Fastify();\nconst token = process.env.TOKEN;\n",
  untrusted: [
    (key) => `request.headers[${JSON.stringify(key)}]`,
    (key) => member('request.params', key),
    (key) => member('request.query', key),
    (key) => member('request.body', key),
  ],
  verified: [(claim) => member('request.user', claim), unverified],
  containers: ['request.body', 'request.query', 'request.params'],
  deny: ["return reply.code(403).send({ error: 'forbidden' });", 'return reply.status(401).send();'],
  denyExpression: 'reply.code(403).send()',
  allow: ['return reply.send({ ok: true });'],
  render: (handlers) => handlers.map((h) => `fastify.${h.method}('${h.route}', async (request, reply) => {\n${h.body}\n});`).join('\n'),
};

const hono: FrameworkModel = {
  name: 'hono',
  filename: 'src/app.ts',
  javascript: true,
  prelude:
    "import { Hono } from 'hono';\nimport { HTTPException } from 'hono/http-exception';\nimport jwt from 'jsonwebtoken';\nconst app = new Hono();\nconst token = process.env.TOKEN;\n",
  untrusted: [
    (key) => `c.req.header(${JSON.stringify(key)})`,
    (key) => `c.req.param(${JSON.stringify(key)})`,
    (key) => `c.req.query(${JSON.stringify(key)})`,
  ],
  verified: [(claim) => member("c.get('jwtPayload')", claim), unverified],
  containers: ['c.req.query()', 'c.req.param()'],
  deny: ["return c.json({ error: 'forbidden' }, 403);", "throw new HTTPException(403, { message: 'Forbidden' });"],
  denyExpression: "c.text('Forbidden', 403)",
  allow: ['return c.json({ ok: true });'],
  render: (handlers) => handlers.map((h) => `app.${h.method}('${h.route}', async (c) => {\n${h.body}\n});`).join('\n'),
};

const NEST_METHODS: Record<string, string> = { get: 'Get', post: 'Post', put: 'Put', patch: 'Patch', delete: 'Delete' };

const nestjs: FrameworkModel = {
  name: 'nestjs',
  filename: 'src/users/users.controller.ts',
  javascript: false,
  prelude:
    "import { Controller, Get, Post, Put, Patch, Delete, Req, Headers, Param, ForbiddenException } from '@nestjs/common';\nimport type { Request } from 'express';\nimport jwt from 'jsonwebtoken';\nconst token = process.env.TOKEN;\n",
  untrusted: [(key) => `req.headers[${JSON.stringify(key)}]`, (key) => member('req.query', key), () => 'roleHeader', () => 'id'],
  verified: [(claim) => member('req.user', claim), unverified],
  containers: ['req.body', 'req.query', 'req.params'],
  deny: ['throw new ForbiddenException();', "throw new ForbiddenException('admins only');"],
  denyExpression: undefined,
  allow: ['return { ok: true };'],
  render: (handlers) =>
    `@Controller('users')\nexport class UsersController {\n${handlers
      .map(
        (h) =>
          `  @${NEST_METHODS[h.method] ?? 'Get'}('${h.route}')\n  async handle${h.index}(@Req() req: Request, @Headers('x-role') roleHeader: string, @Param('id') id: string) {\n${h.body}\n  }`,
      )
      .join('\n')}\n}`,
};

const NEXT_EXPORTS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const nextjs: FrameworkModel = {
  name: 'nextjs',
  filename: 'app/api/users/[id]/route.ts',
  javascript: true,
  prelude: "import { NextRequest, NextResponse } from 'next/server';\nimport jwt from 'jsonwebtoken';\nconst token = process.env.TOKEN;\n",
  untrusted: [
    (key) => `request.headers.get(${JSON.stringify(key)})`,
    (key) => `request.nextUrl.searchParams.get(${JSON.stringify(key)})`,
    (key) => `request.cookies.get(${JSON.stringify(key)})?.value`,
    (key) => member('params', key),
  ],
  verified: [unverified],
  containers: ['params'],
  deny: ["return NextResponse.json({ error: 'forbidden' }, { status: 403 });", "return new NextResponse('Unauthorized', { status: 401 });"],
  denyExpression: undefined,
  allow: ['return NextResponse.json({ ok: true });'],
  render: (handlers, dialect) =>
    handlers
      .map(
        (h) =>
          `export async function ${NEXT_EXPORTS[h.index % NEXT_EXPORTS.length]}(request${annotation(dialect, 'NextRequest')}, { params }${annotation(dialect, '{ params: Record<string, string> }')}) {\n${h.body}\n}`,
      )
      .join('\n'),
};

const graphql: FrameworkModel = {
  name: 'graphql',
  filename: 'src/resolvers.ts',
  javascript: true,
  prelude: "import { GraphQLError } from 'graphql';\nimport jwt from 'jsonwebtoken';\nconst token = process.env.TOKEN;\n",
  untrusted: [(key) => `context.req.headers[${JSON.stringify(key)}]`, (key) => member('args', key), (key) => member('context.req.cookies', key, true)],
  verified: [(claim) => member('context.req.user', claim), unverified],
  containers: ['args', 'context.req.body'],
  deny: ["throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });"],
  denyExpression: undefined,
  allow: ['return { ok: true };'],
  render: (handlers, dialect) =>
    `export const resolvers = {\n  Query: {\n${handlers
      .map((h) => `    field${h.index}: async (parent${annotation(dialect, 'unknown')}, args${annotation(dialect, 'Record<string, string>')}, context${annotation(dialect, 'any')}) => {\n${h.body}\n    },`)
      .join('\n')}\n  },\n};`,
};

export const FRAMEWORKS: readonly FrameworkModel[] = [express, expressClass, koa, fastify, hono, nestjs, nextjs, graphql];
