// The object handed to window.registerPlugin. The host calls initialize once
// (without awaiting it) and uninitialize when the plugin is disabled.
import {getTranslations} from '../i18n/translations';
import {registerRhsEntryPoints} from '../rhs/registerRhs';
import {reducer} from '../state/reducer';
import {rhsRegistered} from '../state/rhsSlice';
import {injectStyles, removeStyles} from '../styles/injectStyles';

import type {HostPlugin, HostStore, PluginRegistry} from './hostTypes';

export type PluginOptions = {
  /** assets/baton.svg markup, bundled by esbuild. */
  iconSvg: string;
  doc?: Document;
};

export class Plugin implements HostPlugin {
  private readonly iconSvg: string;
  private readonly doc: Document;

  constructor({iconSvg, doc = document}: PluginOptions) {
    this.iconSvg = iconSvg;
    this.doc = doc;
  }

  initialize(registry: PluginRegistry, store: HostStore): void {
    injectStyles(this.doc);
    // Translations and the reducer first: the components registered next
    // render with them.
    registry.registerTranslations(getTranslations);
    registry.registerReducer(reducer);
    const rhs = registerRhsEntryPoints({registry, store, iconSvg: this.iconSvg, doc: this.doc});
    store.dispatch(rhsRegistered(rhs.id));
  }

  uninitialize(): void {
    // The host removes our components and reducer itself; the stylesheet is ours.
    removeStyles(this.doc);
  }
}
