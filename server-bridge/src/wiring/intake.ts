import type {Kysely} from 'kysely';
import type {ChannelSettingsReads} from '../domain/channels/ports';
import {intakeChannelAccess} from '../domain/intake/intakeAccess';
import {createIntakeService} from '../domain/intake/intakeService';
import type {ChannelAccess, Clock} from '../domain/tasks/ports';
import type {TaskService} from '../domain/tasks/taskService';
import {createIntakeRepository} from '../storage/intakeRepository';
import type {DatabaseSchema} from '../storage/schema';

// Web intake: each submission's task is created by the Baton bot through a
// task service on the intake's channel view (domain/intake/intakeAccess.ts),
// so the usual rules, notices (the triage holder's DM), live feed and audit
// apply unchanged. Route tests wire through here too.

export interface IntakeWiringDeps {
  db: Kysely<DatabaseSchema>;
  access: ChannelAccess;
  channels: Pick<ChannelSettingsReads, 'channelRoles'>;
  clock: Clock;
  /** The task service on another channel view (wiring/domainServices.ts `servicesOn`). */
  servicesOn(access: ChannelAccess): {tasks: TaskService};
  botUserId(): Promise<string | undefined>;
}

export function wireIntake({db, access, channels, clock, servicesOn, botUserId}: IntakeWiringDeps) {
  return createIntakeService({
    store: createIntakeRepository(db),
    access,
    channels,
    bot: {botUserId},
    clock,
    createTask: (caller, draft) => servicesOn(intakeChannelAccess(access, caller)).tasks.create(caller, draft),
  });
}
