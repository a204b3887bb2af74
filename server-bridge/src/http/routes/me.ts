import type {FastifyInstance} from 'fastify';
import {API_V1, type MyCountersView, userSettingsPatchSchema} from '../../contract';
import type {UserSettingsService} from '../../domain/reminders/userSettings';
import type {TaskService} from '../../domain/tasks/taskService';
import {presentUserSettings} from '../presenters/userSettingsPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/me/settings — the caller's own settings (digest time, reminders);
// /api/v1/me/counters — the numbers on the webapp's sidebar counters.
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

export interface MyCountersRouteDeps {
  tasks: Pick<TaskService, 'counters'>;
}

export function registerMyCountersRoute(server: FastifyInstance, deps: () => MyCountersRouteDeps): void {
  server.get(`${API_V1}/me/counters`, async (request): Promise<MyCountersView> => {
    const {mine, overdue, waiting} = await deps().tasks.counters(callerOf(request));
    return {mine, overdue, waiting};
  });
}
