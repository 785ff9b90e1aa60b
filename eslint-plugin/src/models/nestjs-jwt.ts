import { jsonwebtokenOptions } from './jsonwebtoken';
import type { LibraryModel } from './library-model';

export const nestjsJwt: LibraryModel = {
  id: '@nestjs/jwt',
  modules: ['@nestjs/jwt'],
  verifies: [
    {
      call: [{ export: ['JwtModule', 'register'] }],
      options: jsonwebtokenOptions(0, 'verifyOptions.'),
      key: { options: ['secret', 'publicKey'] },
      keySigns: true,
      strategy: true,
      defaultsFor: 'verifyOptions',
    },
    {
      // JwtService verifies where it is called (a guard's canActivate), with JwtModule's options as defaults.
      call: [{ service: ['verify', 'verifyAsync'], receiverWord: 'jwt' }],
      options: jsonwebtokenOptions(1),
      key: { options: ['secret', 'publicKey'] },
      inheritsDefaults: true,
    },
  ],
  keys: [
    { call: [{ service: ['sign', 'signAsync'], receiverWord: 'jwt' }], key: { options: ['secret', 'privateKey'], optionsArgument: 1 }, role: 'sign' },
  ],
  remedyModules: ['@nestjs/jwt'],
};
