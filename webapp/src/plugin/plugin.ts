// The object handed to window.registerPlugin. The host calls initialize once
// (without awaiting it) and uninitialize when the plugin is disabled.
import {config as configureZod} from 'zod';

import {registerHandoffCard} from '../cards/registerHandoffCard';
import {registerCountersAndCommands} from '../counters/registerCounters';
import {getTranslations} from '../i18n/translations';
import {registerRhsEntryPoints} from '../rhs/registerRhs';
import {reducer} from '../state/reducer';
import {rhsRegistered} from '../state/rhsSlice';
import {taskChanged, taskRemoved} from '../tasks/tasksSlice';
import {injectStyles, removeStyles} from '../styles/injectStyles';
import {registerCreateTaskFromPost} from '../taskForm/registerPostMenu';

import type {HostPlugin, HostStore, PluginRegistry} from './hostTypes';
import {browserEnvironment, createBatonServices} from './services';
import type {BatonServices, PluginEnvironment} from './services';

export type PluginOptions = {
  /** assets/baton.svg markup, bundled by esbuild. */
  iconSvg: string;
  doc?: Document;
  /** fetch, cookies, clock and timers; the browser's by default. */
  environment?: PluginEnvironment;
};

export class Plugin implements HostPlugin {
  private readonly iconSvg: string;
  private readonly doc: Document;
  private readonly environment: PluginEnvironment;
  private services: BatonServices | null = null;

  constructor({iconSvg, doc = document, environment = browserEnvironment()}: PluginOptions) {
    this.iconSvg = iconSvg;
    this.doc = doc;
    this.environment = environment;
  }

  initialize(registry: PluginRegistry, store: HostStore): void {
    // zod probes `new Function` before its compiled fast path; under the host's
    // CSP (script-src 'self') that probe is a reported violation. The bundle
    // has its own copy of zod, so this touches no one else.
    configureZod({jitless: true});
    injectStyles(this.doc);
    // Translations and the reducer first: the components registered next
    // render with them.
    registry.registerTranslations(getTranslations);
    registry.registerReducer(reducer);
    // Nothing is fetched yet: the session connects when a panel first needs it.
    const services = createBatonServices(store, this.environment);
    this.services = services;
    const rhs = registerRhsEntryPoints({registry, store, iconSvg: this.iconSvg, doc: this.doc, services});
    store.dispatch(rhsRegistered(rhs.id));
    services.rhs.attach(rhs);
    registerCountersAndCommands(registry, services);
    registerCreateTaskFromPost({registry, store, rhs: services.rhs, pageOrigin: this.environment.pageOrigin});
    registerHandoffCard(registry, services, this.environment);
    // The lists hear of live changes; the stream itself waits for a connected session.
    services.live.subscribe({
      onTaskChanged: (task) => store.dispatch(taskChanged(task)),
      onTaskRemoved: (id) => store.dispatch(taskRemoved(id)),
      onResync: () => services.tasks.resync(),
    });
    services.live.start();
  }

  uninitialize(): void {
    // The host removes our components and reducer itself; the stylesheet and
    // the session (its renewal timer) are ours.
    this.services?.session.dispose();
    this.services?.tasks.dispose();
    this.services?.live.stop();
    this.services?.counters.dispose();
    this.services = null;
    removeStyles(this.doc);
  }
}
