import type {CommandReply} from '../../commands/taskCommand';

/** Mattermost's CommandResponse (server/public/model/command_response.go). */
export interface CommandResponse {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  props?: Record<string, unknown>;
}

export function presentCommandReply(reply: CommandReply): CommandResponse {
  return {response_type: 'ephemeral', text: reply.text};
}
