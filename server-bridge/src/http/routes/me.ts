import type {FastifyInstance} from 'fastify';
import {API_V1, userSettingsPatchSchema} from '../../contract';
import type {UserSettingsService} from '../../domain/reminders/userSettings';
import {presentUserSettings} from '../presenters/userSettingsPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/me/settings — the caller's own settings (digest time, reminders).
// Thin routes: parse → caller → one service call → present. There is no
// route to another person's settings: "me" is the only subject.

export interface MeRouteDeps {
  userSettings: UserSettingsService;
}

export function registerMeRoutes(server: FastifyInstance, deps: () => MeRouteDeps): void {
  const path = `${API_V1}/me/settings`;

  server.get(path, async (request) => presentUserSettings(await deps().userSettings.get(callerOf(request))));

  server.patch(path, async (request) => {
    const changes = parseRequest(userSettingsPatchSchema, request.body, 'body');
    return presentUserSettings(await deps().userSettings.update(callerOf(request), changes));
  });
}
