import { error, ruleCases } from './rule-cases';

describe('models: passport strategies', () => {
  ruleCases('no-api-key-auth', {
    valid: [
      // A JWT strategy is token verification, not a static key.
      `import passport from 'passport';
import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: publicKey, algorithms: ['RS256'] }, verify));
app.get('/me', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));`,
    ],
    invalid: [
      {
        code: `import passport from 'passport';
import { BasicStrategy } from 'passport-http';
passport.use(new BasicStrategy((username, password, done) => users.check(username, password, done)));
app.get('/reports', passport.authenticate('basic', { session: false }), (req, res) => res.json(report()));`,
        errors: [error('passwordAuth', 3, 14), error('passwordAuth', 4, 21)],
      },
      {
        code: `import passport from 'passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
passport.use(new HeaderAPIKeyStrategy({ header: 'X-API-Key', prefix: '' }, false, (key, done) => keys.find(key, done)));
app.get('/reports', passport.authenticate('headerapikey', { session: false }), (req, res) => res.json(report()));`,
        errors: [error('apiKeyAuth', 3, 14), error('apiKeyAuth', 4, 21)],
      },
    ],
  });
});
