/**
 * The identity and token library models, one file each. The order is the order of preference when a remedy
 * names a verifier the file already imports, and when an import alone says where claims are left.
 */
import type { LibraryModel } from './library-model';
import { expressOauth2JwtBearer } from './express-oauth2-jwt-bearer';
import { expressJwt } from './express-jwt';
import { passportJwt } from './passport-jwt';
import { koaJwt } from './koa-jwt';
import { fastifyJwt } from './fastify-jwt';
import { hapiJwt } from './hapi-jwt';
import { hapiAuthJwt2 } from './hapi-auth-jwt2';
import { honoJwt } from './hono-jwt';
import { jose } from './jose';
import { jsonwebtoken } from './jsonwebtoken';
import { fastJwt } from './fast-jwt';
import { nestjsJwt } from './nestjs-jwt';
import { jwtSimple } from './jwt-simple';
import { jwtDecode } from './jwt-decode';
import { passport } from './passport';
import { passportHttp } from './passport-http';
import { passportHeaderApiKey } from './passport-headerapikey';
import { expressBasicAuth } from './express-basic-auth';
import { basicAuth } from './basic-auth';
import { koaBasicAuth } from './koa-basic-auth';
import { honoBasicAuth } from './hono-basic-auth';
import { fastifyBasicAuth } from './fastify-basic-auth';
import { awsJwtVerify } from './aws-jwt-verify';
import { firebaseAdmin } from './firebase-admin';
import { supabase } from './supabase';
import { expressOpenidConnect } from './express-openid-connect';
import { nextAuth } from './next-auth';
import { clerk } from './clerk';
import { oktaJwtVerifier } from './okta-jwt-verifier';
import { jws } from './jws';
import { njwt } from './njwt';
import { cloudflareWorkerJwt } from './cloudflare-worker-jwt';
import { jsrsasign } from './jsrsasign';
import { jwksRsa } from './jwks-rsa';
import { tokenConventions } from './token-conventions';

export const LIBRARY_MODELS: readonly LibraryModel[] = [
  expressOauth2JwtBearer,
  expressJwt,
  passportJwt,
  koaJwt,
  fastifyJwt,
  hapiJwt,
  hapiAuthJwt2,
  honoJwt,
  jose,
  jsonwebtoken,
  fastJwt,
  nestjsJwt,
  jwtSimple,
  jwtDecode,
  awsJwtVerify,
  firebaseAdmin,
  supabase,
  expressOpenidConnect,
  nextAuth,
  clerk,
  oktaJwtVerifier,
  jws,
  njwt,
  cloudflareWorkerJwt,
  jsrsasign,
  jwksRsa,
  passport,
  passportHttp,
  passportHeaderApiKey,
  expressBasicAuth,
  basicAuth,
  koaBasicAuth,
  honoBasicAuth,
  fastifyBasicAuth,
  tokenConventions,
];
