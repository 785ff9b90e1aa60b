import type { LibraryModel } from './library-model';

export const koaBasicAuth: LibraryModel = { id: 'koa-basic-auth', modules: ['koa-basic-auth'], schemes: [{ kind: 'basic', call: [{ export: [] }] }] };
