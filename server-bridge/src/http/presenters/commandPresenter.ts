import type {CommandReply} from '../../commands/taskCommand';

/** Mattermost's CommandResponse (server/public/model/command_response.go). */
export interface CommandResponse {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  props?: Record<string, unknown>;
}

/** Every reply is shown to the caller only; props (the `/task connect` session) go to the client that ran the command. */
export function presentCommandReply(reply: CommandReply): CommandResponse {
  return {response_type: 'ephemeral', text: reply.text, ...(reply.props ? {props: reply.props} : {})};
}
