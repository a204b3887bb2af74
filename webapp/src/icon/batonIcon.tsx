// One icon file (assets/baton.svg, drawn with currentColor) serves both
// places the host shows Baton.
import React from 'react';

// Denim's text colour, used when the theme variables are not set yet.
const fallbackRgb = '63, 67, 80';
const rgbTriplet = /^\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}$/;

/**
 * The App Bar shows iconUrl in an <img>, where currentColor cannot inherit the
 * theme, so the colour is baked in from the theme in force at start-up (the
 * App Bar's own icons use the text colour at 64%).
 */
export function appBarIconColor(doc: Document): string {
  const view = doc.defaultView;
  const value = view ? view.getComputedStyle(doc.documentElement).getPropertyValue('--center-channel-color-rgb').trim() : '';
  return `rgba(${rgbTriplet.test(value) ? value : fallbackRgb}, 0.64)`;
}

/** A data: URL, so the icon needs no extra HTTP route or SiteURL. */
export function iconDataUrl(svgMarkup: string, color: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgMarkup.replace(/currentColor/g, color))}`;
}

/** Inline icon for buttons: inherits the button's colour. */
export function BatonIcon({svgMarkup}: {svgMarkup: string}) {
  return (
    <span
      className='baton-icon'
      aria-hidden='true'

      // The markup is our own assets/baton.svg, bundled at build time.
      dangerouslySetInnerHTML={{__html: svgMarkup}}
    />
  );
}
