import type {Kysely} from 'kysely';
import {createExternalTaskService} from '../domain/external/externalTaskService';
import type {ChangeFeed} from '../domain/live/ports';
import {publishingChanges} from '../domain/live/publishingChanges';
import type {ChannelAccess, Clock} from '../domain/tasks/ports';
import type {TaskService} from '../domain/tasks/taskService';
import {createApiTokenService} from '../domain/tokens/apiTokenService';
import {perTokenCaller, requiringChannelForTokens, tokenChannelAccess} from '../domain/tokens/tokenScope';
import {createStepCompletion} from '../domain/workflows/stepCompletion';
import type {WorkflowService} from '../domain/workflows/workflowService';
import {createApiTokenRepository} from '../storage/apiTokenRepository';
import {createExternalRefRepository} from '../storage/externalRefRepository';
import type {DatabaseSchema} from '../storage/schema';

// API tokens for business systems and what they call: the token service
// (admins create, list, revoke; requireCaller verifies), and the services
// the REST routes use, each answering a token caller from an instance built
// on that token's channel view (domain/tokens/tokenScope.ts) and everyone
// else from the shared one. Route tests wire through here too.

export interface ApiTokenWiringDeps {
  db: Kysely<DatabaseSchema>;
  /** Mattermost's channel answers (membership, names, roles). */
  access: ChannelAccess;
  clock: Clock;
  /** The shared services, for people. */
  tasks: TaskService;
  workflows: WorkflowService;
  /** The same services on another channel view (wiring/domainServices.ts `servicesOn`). */
  servicesOn(access: ChannelAccess): {tasks: TaskService; workflows: WorkflowService};
  botUserId(): Promise<string | undefined>;
  /** Committed task changes go to the live feed; `afterCommit` wakes the notice delivery. */
  feed?: ChangeFeed;
  afterCommit?: () => void;
  reportFeed?: (error: unknown) => void;
}

export function wireApiTokens({db, access, clock, tasks, workflows, servicesOn, botUserId, feed, afterCommit, reportFeed}: ApiTokenWiringDeps) {
  const tokenStore = createApiTokenRepository(db);
  const refStore = createExternalRefRepository(db, afterCommit ? {afterCommit} : {});
  const refs = feed ? publishingChanges(refStore, feed, reportFeed) : refStore;
  const apiTokens = createApiTokenService({store: tokenStore, access, bot: {botUserId}, clock});

  const build = (channelAccess: ChannelAccess, services: {tasks: TaskService; workflows: WorkflowService}) => ({
    ...services,
    external: createExternalTaskService({refs, tasks: services.tasks, operations: services.tasks.operations, access: channelAccess, clock}),
    steps: createStepCompletion(services),
  });
  const shared = build(access, {tasks, workflows});
  const forToken = (caller: Parameters<typeof tokenChannelAccess>[1]) => {
    const channelAccess = tokenChannelAccess({access, taskChannelIds: tokenStore.taskChannelIds}, caller);
    const services = servicesOn(channelAccess);
    return build(channelAccess, {tasks: requiringChannelForTokens(services.tasks), workflows: services.workflows});
  };

  return {
    apiTokens,
    /** For the REST routes: token callers are served within their token's channels. */
    tasks: perTokenCaller(shared.tasks, (caller) => forToken(caller).tasks),
    workflows: perTokenCaller(shared.workflows, (caller) => forToken(caller).workflows),
    external: perTokenCaller(shared.external, (caller) => forToken(caller).external),
    steps: perTokenCaller(shared.steps, (caller) => forToken(caller).steps),
  };
}
