import {serialize} from 'cookie';
import {z} from 'zod';
import {resolveCaller} from '../../auth';
import type {RouteModule} from '../../server';
import {authenticate, createSession, sanitizeUser} from '../../services/users';

// POST /users/login and /users/logout (api4/user.go login, Logout;
// app/login.go DoLogin, AttachSessionCookies; web/context.go RemoveSessionCookie).

/** model.MapFromJSON: a body that is not a string map reads as empty, which then fails as bad credentials. */
const loginBody = z.object({login_id: z.string().optional(), password: z.string().optional()});

export const sessionRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v4/users/login', async (request, reply) => {
    resolveCaller(ctx, request);
    const parsed = loginBody.safeParse(request.body);
    const body = parsed.success ? parsed.data : {};
    const user = authenticate(ctx, body.login_id ?? '', body.password ?? '');
    const session = createSession(ctx, user.id);
    // DoLogin always answers with the token in a header; the cookies are only
    // attached for browser requests (X-Requested-With: XMLHttpRequest).
    void reply.header('Token', session.token);
    if (request.headers['x-requested-with'] === 'XMLHttpRequest') {
      const maxAge = ctx.config.ServiceSettings.SessionLengthWebInHours * 3600;
      const expires = new Date(ctx.now() + maxAge * 1000);
      void reply.header('Set-Cookie', [
        serialize('MMAUTHTOKEN', session.token, {path: '/', expires, maxAge, httpOnly: true}),
        serialize('MMUSERID', user.id, {path: '/', expires, maxAge}),
        serialize('MMCSRF', session.csrf_token, {path: '/', expires, maxAge}),
      ]);
    }
    return sanitizeUser(user);
  });

  app.post('/api/v4/users/logout', async (request, reply) => {
    const caller = resolveCaller(ctx, request);
    void reply.header('Set-Cookie', serialize('MMAUTHTOKEN', '', {path: '/', maxAge: 0, httpOnly: true}));
    if (caller && caller.session.kind === 'login') ctx.store.sessions.delete(caller.session.token);
    return {status: 'OK'};
  });
};
