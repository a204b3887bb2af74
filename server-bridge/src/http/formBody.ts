import type {FastifyInstance} from 'fastify';
import {errors} from '../errors';

/**
 * Mattermost sends slash commands as application/x-www-form-urlencoded. Keys
 * may repeat (user_mentions, user_mentions_ids, …), so repeated keys become
 * arrays and single keys stay strings.
 */
export function acceptFormBodies(server: FastifyInstance): void {
  server.addContentTypeParser('application/x-www-form-urlencoded', {parseAs: 'string', bodyLimit: 1024 * 1024}, (_request, body, done) => {
    try {
      const form: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const existing = form[key];
        form[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
      done(null, form);
    } catch {
      done(errors.badRequest('body', 'The form body could not be read.', {field: 'body', allowed: 'application/x-www-form-urlencoded'}), undefined);
    }
  });
}
