import {z} from 'zod';
import {goBool, goMap, goSlice, goString} from './goJson';
import {messageAttachmentSchema, presentAttachments} from './messageAttachments';
import {stringifyFieldValues} from './slackCompatibility';

// model.CommandResponse (server/public/model/command_response.go): how an
// integration's reply to a slash command is decoded, and how Mattermost
// serializes it back to the client that ran the command.

interface CommandResponseShape {
  response_type: string;
  text: string;
  username: string;
  channel_id: string;
  icon_url: string;
  type: string;
  props: Record<string, unknown> | null;
  goto_location: string;
  trigger_id: string;
  skip_slack_parsing: boolean;
  attachments: z.output<typeof messageAttachmentSchema>[] | null;
  extra_responses: CommandResponseShape[] | null;
}

export const commandResponseSchema: z.ZodType<CommandResponseShape, unknown> = z.object({
  response_type: goString,
  text: goString,
  username: goString,
  channel_id: goString,
  icon_url: goString,
  type: goString,
  props: goMap,
  goto_location: goString,
  trigger_id: goString,
  skip_slack_parsing: goBool,
  attachments: goSlice(messageAttachmentSchema),
  // []*CommandResponse: a null element would make Mattermost dereference nil, so it is refused here.
  get extra_responses() {
    return goSlice(commandResponseSchema);
  },
});

export type CommandResponse = CommandResponseShape;

export type ParsedCommandResponse = {ok: true; response: CommandResponse} | {ok: false; reason: string};

const emptyResponse = (text: string): CommandResponse => ({
  response_type: '',
  text,
  username: '',
  channel_id: '',
  icon_url: '',
  type: '',
  props: null,
  goto_location: '',
  trigger_id: '',
  skip_slack_parsing: false,
  attachments: null,
  extra_responses: null,
});

/**
 * model.CommandResponseFromHTTPBody: JSON only when the media type is exactly
 * application/json; any other body is the text of an ephemeral reply.
 * CommandResponseFromJSON then stringifies attachment field values (also in
 * the extra responses).
 */
export function parseCommandResponse(contentType: string, body: string): ParsedCommandResponse {
  if ((contentType.split(';')[0] ?? '').trim() !== 'application/json') return {ok: true, response: emptyResponse(body)};
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return {ok: false, reason: (error as Error).message};
  }
  const parsed = commandResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {ok: false, reason: `json: cannot unmarshal ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`};
  }
  const response = parsed.data;
  response.attachments = stringifyFieldValues(response.attachments);
  for (const extra of response.extra_responses ?? []) extra.attachments = stringifyFieldValues(extra.attachments);
  return {ok: true, response};
}

/** json.Marshal of a *CommandResponse, fields in struct order. */
export function presentCommandResponse(response: CommandResponse): Record<string, unknown> {
  return {
    response_type: response.response_type,
    text: response.text,
    username: response.username,
    channel_id: response.channel_id,
    icon_url: response.icon_url,
    type: response.type,
    props: response.props,
    goto_location: response.goto_location,
    trigger_id: response.trigger_id,
    skip_slack_parsing: response.skip_slack_parsing,
    attachments: presentAttachments(response.attachments),
    extra_responses: response.extra_responses ? response.extra_responses.map(presentCommandResponse) : null,
  };
}
