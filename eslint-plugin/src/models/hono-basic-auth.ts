import type { LibraryModel } from './library-model';

export const honoBasicAuth: LibraryModel = { id: 'hono/basic-auth', modules: ['hono/basic-auth'], schemes: [{ kind: 'basic', call: [{ export: ['basicAuth'] }] }] };
