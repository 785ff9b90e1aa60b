import { jsonwebtokenOptions } from './jsonwebtoken';
import type { LibraryModel } from './library-model';

export const koaJwt: LibraryModel = {
  id: 'koa-jwt',
  modules: ['koa-jwt'],
  verifies: [
    {
      call: [{ export: [] }],
      options: { ...jsonwebtokenOptions(0), switches: [...jsonwebtokenOptions(0).switches!, { path: 'passthrough', check: 'credentials', value: true }] },
      key: { options: ['secret'] },
      middleware: true,
    },
  ],
  claims: { path: 'ctx.state.user', renamedBy: { option: 'key', base: 'ctx.state' }, framework: 'koa', impliedBy: ['koa-jwt'] },
  remedyModules: ['koa-jwt'],
};
