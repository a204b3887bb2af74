import type {HostPlugin} from '../plugin/hostTypes';

declare global {
  interface Window {
    /** Set by the Mattermost webapp before it loads plugin bundles. */
    registerPlugin(id: string, plugin: HostPlugin): void;
  }
}

export {};
