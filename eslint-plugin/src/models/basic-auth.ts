import type { LibraryModel } from './library-model';

export const basicAuth: LibraryModel = { id: 'basic-auth', modules: ['basic-auth'], schemes: [{ kind: 'basic', call: [{ export: [] }, { export: ['parse'] }] }] };
