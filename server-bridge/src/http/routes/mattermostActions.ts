import type {FastifyInstance} from 'fastify';
import {z} from 'zod';
import type {HandoffActions} from '../../notices/handoffActions';
import {parseRequest} from '../validation';

// POST /mattermost/actions and /mattermost/dialogs — where Mattermost sends
// button clicks and dialog submissions of Baton's notices. Mattermost does not
// sign these requests (shared/MATTERMOST.md); what is believed is the
// bridge's own signed context or state inside them (notices/handoffActions.ts).

const clickSchema = z.object({
  user_id: z.string().min(1),
  post_id: z.string().default(''),
  channel_id: z.string().default(''),
  trigger_id: z.string().default(''),
  context: z.unknown(),
});

const submissionSchema = z.object({
  type: z.string().default('dialog_submission'),
  user_id: z.string().min(1),
  channel_id: z.string().default(''),
  state: z.string().default(''),
  submission: z.record(z.string(), z.unknown()).nullable().default({}),
  cancelled: z.boolean().default(false),
});

export function registerMattermostActionRoutes(server: FastifyInstance, deps: () => {handoffActions: HandoffActions}): void {
  server.post('/mattermost/actions', async (request) => {
    const click = parseRequest(clickSchema, request.body, 'body');
    return deps().handoffActions.click({userId: click.user_id, postId: click.post_id, channelId: click.channel_id, triggerId: click.trigger_id, context: click.context});
  });

  server.post('/mattermost/dialogs', async (request) => {
    const body = parseRequest(submissionSchema, request.body, 'body');
    return deps().handoffActions.submit({userId: body.user_id, channelId: body.channel_id, state: body.state, submission: body.submission ?? {}, cancelled: body.cancelled});
  });
}
