import type {ChannelAccess} from './ports';
import type {Caller, Task} from './task';

// Who may see and change a task (DESIGN.md "Visibility and roles"):
// - a channel task: members of its channel; guests too, but only there;
// - a personal task: its creator, holder and watchers — never guests, who
//   see only tasks of channels they belong to.
// Writes need visibility first. Guests may edit the fields only of tasks
// they created, and pass on or finish only tasks they created or hold.

export async function canSee(task: Pick<Task, 'channelId' | 'creatorId' | 'holderId' | 'watcherIds'>, caller: Caller, access: ChannelAccess): Promise<boolean> {
  if (task.channelId) return access.isMember(caller.userId, task.channelId);
  if (caller.guest) return false;
  return task.creatorId === caller.userId || task.holderId === caller.userId || task.watcherIds.includes(caller.userId);
}

/** Whether a caller who can see the task may change its fields. Any viewer may comment. */
export function canEditFields(task: Pick<Task, 'creatorId'>, caller: Caller): boolean {
  return !caller.guest || task.creatorId === caller.userId;
}

/** Whether a caller who can see the task may hand it off or change its status. */
export function canMoveBaton(task: Pick<Task, 'creatorId' | 'holderId'>, caller: Caller): boolean {
  return !caller.guest || task.creatorId === caller.userId || task.holderId === caller.userId;
}
