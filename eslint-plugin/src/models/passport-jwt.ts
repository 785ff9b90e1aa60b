import { jsonwebtokenOptions } from './jsonwebtoken';
import type { LibraryModel } from './library-model';

export const passportJwt: LibraryModel = {
  id: 'passport-jwt',
  modules: ['passport-jwt'],
  verifies: [
    {
      call: [{ construct: ['Strategy'] }],
      options: { ...jsonwebtokenOptions(0), clockTolerance: { paths: ['jsonWebTokenOptions.clockTolerance'], unit: 'seconds' } },
      key: { options: ['secretOrKey'] },
      strategy: true,
      strategyName: 'jwt',
    },
  ],
  claims: { path: 'req.user', impliedBy: ['passport', 'passport-jwt', '@nestjs/passport'] },
  remedyModules: ['passport-jwt', '@nestjs/passport'],
};
