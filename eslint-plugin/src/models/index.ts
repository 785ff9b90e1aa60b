/**
 * Every built-in model, one line each. A new framework or library is one file in this folder, one line here,
 * one test file (test/src/models/<id>.test.ts) and one row in the README's support table, which a test checks
 * against this list.
 */
import type { FrameworkModel } from './framework-model';
import awsLambda from './aws-lambda';
import cloudflareWorkers from './cloudflare-workers';
import conventions from './conventions';
import express from './express';
import expressGraphql from './express-graphql';
import expressUnless from './express-unless';
import fastify from './fastify';
import fetchApi from './fetch';
import graphql from './graphql';
import graphqlHttp from './graphql-http';
import graphqlResolvers from './graphql-resolvers';
import graphqlShield from './graphql-shield';
import hapi from './hapi';
import hono from './hono';
import inversifyExpressUtils from './inversify-express-utils';
import koa from './koa';
import koaRouter from './koa-router';
import koaUnless from './koa-unless';
import nestjs from './nestjs';
import nestjsGraphql from './nestjs-graphql';
import nextjs from './nextjs';
import nodeHttp from './node-http';
import routingControllers from './routing-controllers';
import trpc from './trpc';
import tsoa from './tsoa';
import tsyringe from './tsyringe';
import typedi from './typedi';

export const FRAMEWORK_MODELS: readonly FrameworkModel[] = [
  conventions,
  awsLambda,
  cloudflareWorkers,
  express,
  expressGraphql,
  expressUnless,
  fastify,
  fetchApi,
  graphql,
  graphqlHttp,
  graphqlResolvers,
  graphqlShield,
  hapi,
  hono,
  inversifyExpressUtils,
  koa,
  koaRouter,
  koaUnless,
  nestjs,
  nestjsGraphql,
  nextjs,
  nodeHttp,
  routingControllers,
  trpc,
  tsoa,
  tsyringe,
  typedi,
];

export type { FrameworkModel } from './framework-model';
