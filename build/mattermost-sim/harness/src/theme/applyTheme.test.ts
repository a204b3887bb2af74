/** @jest-environment jsdom */
import {applyTheme, hexToRgbTriplet, themeVariables} from './applyTheme';
import {themeFromPreference, themes} from './themes';

describe('theme CSS variables (compass_theme_provider)', () => {
    it('converts hex colours to the "r, g, b" form used as rgba(var(--x-rgb), a)', () => {
        expect(hexToRgbTriplet('#3f4350')).toBe('63, 67, 80');
        expect(hexToRgbTriplet('#fff')).toBe('255, 255, 255');
    });

    it('gives Denim the colours MATTERMOST.md lists, with -rgb twins', () => {
        const variables = themeVariables(themes.denim);
        expect(variables).toMatchObject({
            '--center-channel-bg': '#ffffff',
            '--center-channel-color': '#3f4350',
            '--center-channel-color-rgb': '63, 67, 80',
            '--button-bg': '#1c58d9',
            '--link-color': '#386fe5',
            '--sidebar-bg': '#1e325c',
            '--error-text': '#d24b4e',
            '--error-text-color-rgb': '210, 75, 78',
            '--online-indicator': '#3db887',
        });
    });

    it('sets the variables on :root, where getComputedStyle finds them (Baton reads --center-channel-color-rgb)', () => {
        applyTheme(themes.onyx);
        const style = getComputedStyle(document.documentElement);
        expect(style.getPropertyValue('--center-channel-bg').trim()).toBe('#191b1f');
        expect(style.getPropertyValue('--center-channel-color-rgb').trim()).toBe('227, 228, 232');
    });

    it('reads a saved theme preference (JSON with a type) or falls back to Denim', () => {
        expect(themeFromPreference(JSON.stringify(themes.onyx)).type).toBe('Onyx');
        expect(themeFromPreference(JSON.stringify({type: 'Onyx', buttonBg: '#000000'})).buttonBg).toBe('#000000');
        expect(themeFromPreference('not json').type).toBe('Denim');
        expect(themeFromPreference(undefined).type).toBe('Denim');
    });
});
