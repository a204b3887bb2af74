// plugins/export.ts: the libraries and helpers Mattermost 11 puts on `window`
// before any plugin bundle runs. Plugins bundle these as externals, so they
// must be the host's own copies (one React, one react-redux).
import * as Luxon from 'luxon';
import PropTypes from 'prop-types';
// Default imports of CommonJS packages are their module.exports, i.e. what
// Mattermost's `window.React = require('react')` assigns.
import React from 'react';
import * as ReactBootstrap from 'react-bootstrap';
import ReactDOM from 'react-dom';
import * as ReactIntl from 'react-intl';
import * as ReactRedux from 'react-redux';
import * as ReactRouterDom from 'react-router-dom';
import * as Redux from 'redux';

import {openInteractiveDialog} from '../actions/dialogs';
import type {Host} from '../host';
import type {OpenDialogRequest} from '../types/entities';

import {createExportedComponents} from './exportedComponents';
import {formatText} from './formatText';
import {messageHtmlToComponent} from './messageHtmlToComponent';
import {createWebappUtils} from './webappUtils';

export interface HostGlobals {
    React: typeof React;
    ReactDOM: typeof ReactDOM;
    ReactIntl: typeof ReactIntl;
    Redux: typeof Redux;
    ReactRedux: typeof ReactRedux;
    ReactBootstrap: typeof ReactBootstrap;
    ReactRouterDom: typeof ReactRouterDom;
    PropTypes: typeof PropTypes;
    Luxon: typeof Luxon;
    PostUtils: {formatText: typeof formatText; messageHtmlToComponent: typeof messageHtmlToComponent};
    openInteractiveDialog: (dialog: OpenDialogRequest) => void;
    WebappUtils: object;
    Components: object;
}

export function createHostGlobals(host: Host): HostGlobals {
    return {
        React,
        ReactDOM,
        ReactIntl,
        Redux,
        ReactRedux,
        ReactBootstrap,
        ReactRouterDom,
        PropTypes,
        Luxon,
        PostUtils: {formatText, messageHtmlToComponent},
        openInteractiveDialog: (dialog) => openInteractiveDialog(host.store, dialog),
        WebappUtils: createWebappUtils(host),
        Components: createExportedComponents(() => host.client.apiUrl),
    };
}

export function installGlobals(host: Host, target: Window = window): HostGlobals {
    const globals = createHostGlobals(host);
    Object.assign(target, globals);
    return globals;
}
