import {appBarIconColor, iconDataUrl} from './batonIcon';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor"><path d="M1 1h2"/></svg>';

describe('baton icon', () => {
  afterEach(() => document.documentElement.style.removeProperty('--center-channel-color-rgb'));

  it('bakes the colour into a data URL the <img> can show', () => {
    const url = iconDataUrl(svg, 'rgba(1, 2, 3, 0.64)');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const markup = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(markup).toContain('stroke="rgba(1, 2, 3, 0.64)"');
    expect(markup).not.toContain('currentColor');
  });

  it('takes the colour from the theme variables', () => {
    document.documentElement.style.setProperty('--center-channel-color-rgb', '221, 221, 221');
    expect(appBarIconColor(document)).toBe('rgba(221, 221, 221, 0.64)');
  });

  it('falls back to the default theme when the variable is missing or odd', () => {
    expect(appBarIconColor(document)).toBe('rgba(63, 67, 80, 0.64)');
    document.documentElement.style.setProperty('--center-channel-color-rgb', 'red"/><script>');
    expect(appBarIconColor(document)).toBe('rgba(63, 67, 80, 0.64)');
  });
});
