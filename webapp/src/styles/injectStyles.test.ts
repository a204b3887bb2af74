import {injectStyles, removeStyles} from './injectStyles';
import {pluginCss, stylesElementId} from './styles';

describe('plugin styles', () => {
  afterEach(() => removeStyles(document));

  it('injects one <style id="baton-styles"> however often it runs', () => {
    injectStyles(document);
    injectStyles(document);
    const styles = document.querySelectorAll(`style#${stylesElementId}`);
    expect(styles).toHaveLength(1);
    expect(styles[0]?.parentElement).toBe(document.head);
    expect(styles[0]?.textContent).toBe(pluginCss);
  });

  it('is removed again', () => {
    injectStyles(document);
    removeStyles(document);
    expect(document.getElementById(stylesElementId)).toBeNull();
  });

  it('uses the theme variables rather than fixed colours', () => {
    expect(pluginCss).toContain('var(--center-channel-color)');
    expect(pluginCss).toContain('rgba(var(--center-channel-color-rgb), 0.64)');
    expect(pluginCss).toContain('var(--button-bg)');
    expect(pluginCss).not.toMatch(/#[0-9a-f]{3,6}\b/i);
  });
});
