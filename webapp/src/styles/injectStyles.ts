import {pluginCss, stylesElementId} from './styles';

/** Adds the plugin stylesheet once; a second initialize does not duplicate it. */
export function injectStyles(doc: Document): void {
  if (doc.getElementById(stylesElementId)) {
    return;
  }
  const style = doc.createElement('style');
  style.id = stylesElementId;
  style.textContent = pluginCss;
  doc.head.appendChild(style);
}

export function removeStyles(doc: Document): void {
  doc.getElementById(stylesElementId)?.remove();
}
