import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectFor } from '../../../eslint-plugin/out/project/index';
import { parsePrismaModels } from '../../../eslint-plugin/out/analysis/schemas';

/** Models in file summaries: which declarations are models, their fields, and which of those say owner or privilege. */
describe('models, schemas, entities and DTOs in file summaries', () => {
  let root: string;
  const write = (name: string, text: string) => {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  /** The model each export of a file is, by export name. */
  const modelsOf = (name: string, text: string) => {
    const file = write(name, text);
    const summary = projectFor(file, {}).summaryOf(file);
    assert.ok(summary, `${name} was not summarized`);
    return Object.fromEntries(summary.exports.flatMap((exported) => (exported.model ? [[exported.name, exported.model]] : [])));
  };

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-models-')));
    write('package.json', JSON.stringify({ name: 'models-fixture', private: true }));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads a Mongoose model from the schema it is built with, under the name it is exported as', () => {
    const models = modelsOf(
      'models/Invoice.js',
      `const { Schema, model } = require('mongoose');
const invoiceSchema = new Schema({ userId: { type: Schema.Types.ObjectId, ref: 'User' }, total: Number });
module.exports = model('Invoice', invoiceSchema);`,
    );
    assert.deepEqual(models.default, { name: 'Invoice', kind: 'mongoose', fields: ['userId', 'total'], ownerFields: ['userId'], privilegeFields: [] });
  });

  it('joins a Sequelize model class with the attributes its init() declares', () => {
    const models = modelsOf(
      'models/Member.ts',
      `import { DataTypes, Model } from 'sequelize';
export class Member extends Model {
  declare id: string;
  declare email: string;
}
Member.init({ tenantId: DataTypes.UUID, role: DataTypes.STRING }, { sequelize });
export const Tag = sequelize.define('Tag', { label: DataTypes.STRING });`,
    );
    assert.equal(models.Member?.kind, 'sequelize');
    assert.deepEqual(models.Member?.fields, ['id', 'email', 'tenantId', 'role']);
    assert.deepEqual(models.Member?.ownerFields, ['tenantId']);
    assert.deepEqual(models.Member?.privilegeFields, ['role']);
    assert.deepEqual(models.Tag?.fields, ['label']);
  });

  it('tells entities and DTOs from services: decorated classes and data-only classes are models, classes with methods are not', () => {
    const models = modelsOf(
      'orders.ts',
      `import { Column, Entity } from 'typeorm';
import { IsBoolean } from 'class-validator';
@Entity()
export class Order {
  @Column() userId: string;
  total(): number { return 0; }
}
export class UpdateUserDto {
  @IsBoolean() isAdmin?: boolean;
}
export class Point { x = 0; y = 0; }
export class OrdersService {
  constructor(private readonly repo: unknown) {}
  find(id: string) { return id; }
}
export interface ProfileInput { displayName?: string; role?: string }
export type Filters = { ownerId: string; page: number };`,
    );
    assert.equal(models.Order?.kind, 'entity');
    assert.deepEqual(models.Order?.ownerFields, ['userId']);
    assert.equal(models.UpdateUserDto?.kind, 'dto');
    assert.deepEqual(models.UpdateUserDto?.privilegeFields, ['isAdmin']);
    assert.equal(models.Point?.kind, 'class');
    assert.equal(models.OrdersService, undefined);
    assert.deepEqual(models.ProfileInput?.privilegeFields, ['role']);
    assert.deepEqual(models.Filters?.ownerFields, ['ownerId']);
  });

  it('follows zod chains that keep, add or drop fields, and reads Drizzle tables and graphql-js input types', () => {
    const models = modelsOf(
      'schemas.js',
      `import { z } from 'zod';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { GraphQLInputObjectType, GraphQLString } from 'graphql';
export const profile = z.object({ name: z.string(), role: z.string() }).strict();
export const extended = profile.extend({ orgId: z.string() });
export const withoutRole = extended.omit({ role: true });
export const notes = pgTable('notes', { id: text('id'), authorId: text('author_id') });
export const ProfileInput = new GraphQLInputObjectType({ name: 'ProfileInput', fields: () => ({ role: { type: GraphQLString } }) });`,
    );
    assert.deepEqual(models.profile?.fields, ['name', 'role']);
    assert.equal(models.profile?.name, 'profile');
    assert.deepEqual(models.extended?.fields, ['name', 'role', 'orgId']);
    assert.deepEqual(models.withoutRole?.privilegeFields, []);
    assert.deepEqual(models.withoutRole?.ownerFields, ['orgId']);
    assert.deepEqual(models.notes, { name: 'notes', kind: 'table', fields: ['id', 'authorId'], ownerFields: ['authorId'], privilegeFields: [] });
    assert.deepEqual(models.ProfileInput?.privilegeFields, ['role']);
  });

  it('reads Prisma models line by line, relations included, block attributes and comments left out', () => {
    const models = parsePrismaModels(`// comment { model Fake {
generator client {
  provider = "prisma-client-js"
}
model Document {
  id      String @id // the key
  ownerId String
  owner   User   @relation(fields: [ownerId], references: [id])
  @@index([ownerId])
}
model Article {
  slug String @unique
}
enum Role {
  admin
}`);
    assert.deepEqual(
      models.map((model) => [model.name, model.fields, model.ownerFields]),
      [
        ['Document', ['id', 'ownerId', 'owner'], ['ownerId', 'owner']],
        ['Article', ['slug'], []],
      ],
    );
  });

  it('reads nothing from text that is no Prisma schema, and stops at an unclosed block without a model', () => {
    assert.deepEqual(parsePrismaModels('not a schema at all'), []);
    assert.deepEqual(parsePrismaModels('model Open {\n  id String'), []);
  });
});
