import type { LibraryModel } from './library-model';

export const expressBasicAuth: LibraryModel = { id: 'express-basic-auth', modules: ['express-basic-auth'], schemes: [{ kind: 'basic', call: [{ export: [] }] }] };
