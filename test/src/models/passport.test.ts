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

  // Login sessions: passport-local checks the password at the login, `passport.session()` restores the user on later
  // requests. The session authenticates the routes that require it, like any server-side session.
  const SESSION_APP = `import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
passport.use(new LocalStrategy((username, password, done) => users.check(username, password, done)));
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.session());
app.post('/login', passport.authenticate('local'), (req, res) => res.json({ id: req.user.id }));`;
  ruleCases('maturity-level', {
    valid: [
      {
        // A role of the restored user decides: Level 2 (a session has no token to pin, so never Level 3).
        code: `${SESSION_APP}
app.get('/admin/docs', async (req, res) => {
  if (!req.isAuthenticated() || req.user.role !== 'admin') return res.sendStatus(403);
  res.json(await Doc.find());
});`,
        options: [{ minimumLevel: 2, publicRoutes: ['/login'] }],
      },
    ],
    invalid: [
      {
        // Requiring the restored user is authentication by the session: Level 1.
        code: `${SESSION_APP}
app.get('/docs/:id', async (req, res) => {
  if (!req.user) return res.sendStatus(401);
  res.json(await Doc.findById(req.params.id));
});`,
        options: [{ minimumLevel: 2, publicRoutes: ['/login'] }],
        errors: [error('belowMinimum', 10, 1)],
      },
      {
        code: `${SESSION_APP}
app.get('/admin/docs', async (req, res) => {
  if (!req.isAuthenticated() || req.user.role !== 'admin') return res.sendStatus(403);
  res.json(await Doc.find());
});`,
        options: [{ minimumLevel: 3, publicRoutes: ['/login'] }],
        errors: [error('belowMinimum', 10, 1)],
      },
      {
        // The usual middleware: it lets a signed-in user through and sends everyone else to the login page.
        code: `${SESSION_APP}
function isAuthenticated(req, res, next) {
  if (req.isAuthenticated()) {
    return next();
  }
  req.flash('errors', { msg: 'You need to be logged in to access that page.' });
  res.redirect('/login');
}
app.get('/account', isAuthenticated, (req, res) => res.json(req.user));`,
        options: [{ minimumLevel: 2, publicRoutes: ['/login'] }],
        errors: [error('belowMinimum', 17, 1)],
      },
      {
        // passport.session() alone lets anonymous requests through: a route that requires no user is unauthenticated.
        code: `${SESSION_APP}
app.get('/stats', async (req, res) => res.json(await Doc.countDocuments()));`,
        options: [{ minimumLevel: 1, publicRoutes: ['/login'] }],
        errors: [error('unauthenticated', 10, 1)],
      },
    ],
  });
});

