// Registers the sidebar counters and the `/task board|show` hook, both of
// which open Baton's RHS through services.rhs.
import {createSlashCommandHook} from '../commands/slashCommandHook';
import type {PluginRegistry} from '../plugin/hostTypes';
import type {BatonServices} from '../plugin/services';
import {withBatonServices} from '../plugin/servicesContext';

import {SidebarCounters} from './sidebarCounters';

export function registerCountersAndCommands(registry: PluginRegistry, services: BatonServices): void {
  registry.registerLeftSidebarHeaderComponent({component: withBatonServices(SidebarCounters, services)});
  registry.registerSlashCommandWillBePostedHook({hook: createSlashCommandHook(services.rhs)});
}
