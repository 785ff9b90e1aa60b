import { jsonwebtokenOptions } from './jsonwebtoken';
import type { LibraryModel } from './library-model';

export const expressJwt: LibraryModel = {
  id: 'express-jwt',
  modules: ['express-jwt'],
  verifies: [
    {
      call: [{ export: ['expressjwt'] }, { export: [] }],
      options: { ...jsonwebtokenOptions(0), switches: [...jsonwebtokenOptions(0).switches!, { path: 'credentialsRequired', check: 'credentials', value: false }] },
      key: { options: ['secret'] },
      middleware: true,
    },
  ],
  claims: { path: 'req.auth', renamedBy: { option: 'requestProperty', base: 'req' }, framework: 'express', impliedBy: ['express-jwt'] },
  remedyModules: ['express-jwt'],
};
