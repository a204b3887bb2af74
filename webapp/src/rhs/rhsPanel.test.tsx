import {act, fireEvent, within} from '@testing-library/react';
import React from 'react';

import en from '../i18n/en.json';
import ja from '../i18n/ja.json';
import {testSiteUrl} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices, createTestServices} from '../testing/services';

import {panelFormClosed} from '../state/rhsSlice';
import {getPluginState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';

import {RhsPanel} from './rhsPanel';

function connectedServices() {
  const services = createConnectedTestServices();
  services.fake.on('GET', /\/api\/v1\/tasks\?/, {json: {items: [], nextCursor: null}});
  return services;
}

describe('RhsPanel', () => {
  let rendered: Rendered | undefined;
  let dispose: (() => void) | undefined;
  afterEach(() => {
    rendered?.unmount();
    dispose?.();
  });

  function render(element: React.ReactElement, locale = 'en') {
    const services = connectedServices();
    dispose = () => services.session.dispose();
    rendered = renderWithIntl(element, locale, services);
    return {services, rendered};
  }

  it('shows the title, the tabs and, for an empty Mine list, the placeholder in English', async () => {
    const {rendered: {container}} = render(<RhsPanel/>, 'en');
    await settle();
    const panel = container.querySelector('[data-testid="baton-rhs"]');
    expect(panel?.querySelector('h2')?.textContent).toBe('Baton');
    expect(panel?.textContent).toContain(en['baton.rhs.placeholder']);
    expect(panel?.textContent).toContain('Tasks where you hold the baton will appear here.');
    expect([...container.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent)).toEqual(['Mine', 'Waiting on others', 'This channel', 'Watching']);
  });

  it('shows the Japanese placeholder for a Japanese user with an empty Mine list', async () => {
    const {rendered: {container}} = render(<RhsPanel/>, 'ja');
    await settle();
    const text = container.textContent ?? '';
    expect(text).toContain(ja['baton.rhs.placeholder']);
    expect(text).toContain('バトン');
    expect(text).not.toContain(en['baton.rhs.placeholder']);
  });

  it('shows only the session failure (with its retry) while there is no session, not a list error too', async () => {
    const services = createTestServices();
    services.fake.on('POST', `${testSiteUrl}/api/v4/commands/execute`, {networkError: new TypeError('Failed to fetch')});
    dispose = () => services.session.dispose();
    rendered = renderWithIntl(<RhsPanel/>, 'en', services);
    await settle();
    await settle();
    expect(rendered.container.textContent).toContain(en['baton.session.error.network']);
    expect(rendered.container.querySelector('[role="tablist"]')).toBeNull();
  });

  it('connects to the bridge when it opens', async () => {
    const {services, rendered: {container}} = render(<RhsPanel/>);
    expect(container.textContent).toContain(en['baton.session.connecting']);
    await settle();
    expect(services.fake.to('/commands/execute')).toHaveLength(1);
    expect(container.textContent).not.toContain(en['baton.session.connecting']);
  });

  it('accepts the props the host passes to every component', async () => {
    const {rendered: {container}} = render(
      <RhsPanel
        theme={{centerChannelBg: '#ffffff'}}
        webSocketClient={{}}
      />,
    );
    await settle();
    expect(container.querySelector('.baton-rhs')).not.toBeNull();
  });

  it('opens each form from the toolbar in place of the lists, and shows the lists again when it closes', async () => {
    const {services, rendered: view} = render(<RhsPanel/>);
    services.fake.on('GET', /\/api\/v1\/me\/settings$/, {status: 503, json: {id: 'baton.not_ready', message: 'starting up', status_code: 503}});
    await settle();
    expect(within(view.getByRole('toolbar')).getAllByRole('button').map((button) => button.textContent)).toEqual(['New task', 'Start workflow', 'Settings']);

    fireEvent.click(view.getByRole('button', {name: 'New task'}));
    expect(view.queryByRole('tablist')).toBeNull();
    expect(view.getByRole('heading', {name: en['baton.task_form.create_heading']})).toBeTruthy();
    expect(getPluginState(services.store.getState() as GlobalStateWithBaton).rhs.form).toEqual({kind: 'createTask', prefill: {}});

    fireEvent.click(view.getByRole('button', {name: 'Settings'}));
    await settle();
    expect(view.getByRole('heading', {name: en['baton.settings.heading']})).toBeTruthy();

    act(() => services.store.dispatch(panelFormClosed()));
    await settle();
    expect(view.getByRole('tablist')).toBeTruthy();
  });
});
