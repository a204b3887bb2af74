import React from 'react';

import en from '../i18n/en.json';
import ja from '../i18n/ja.json';
import {renderWithIntl} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';

import {RhsPanel} from './rhsPanel';

describe('RhsPanel', () => {
  let rendered: Rendered | undefined;
  afterEach(() => rendered?.unmount());

  it('shows the title and the placeholder in English', () => {
    rendered = renderWithIntl(<RhsPanel/>, 'en');
    const panel = rendered.container.querySelector('[data-testid="baton-rhs"]');
    expect(panel?.querySelector('h2')?.textContent).toBe('Baton');
    expect(panel?.textContent).toContain(en['baton.rhs.placeholder']);
    expect(panel?.textContent).toContain('Tasks where you hold the baton will appear here.');
  });

  it('shows the Japanese placeholder for a Japanese user', () => {
    rendered = renderWithIntl(<RhsPanel/>, 'ja');
    const text = rendered.container.textContent ?? '';
    expect(text).toContain(ja['baton.rhs.placeholder']);
    expect(text).toContain('バトン');
    expect(text).not.toContain(en['baton.rhs.placeholder']);
  });

  it('accepts the props the host passes to every component', () => {
    rendered = renderWithIntl(
      <RhsPanel
        theme={{centerChannelBg: '#ffffff'}}
        webSocketClient={{}}
      />,
    );
    expect(rendered.container.querySelector('.baton-rhs')).not.toBeNull();
  });
});
