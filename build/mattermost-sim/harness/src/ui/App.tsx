import React from 'react';
import {Provider} from 'react-redux';
import {Redirect, Route, Router, Switch} from 'react-router-dom';

import type {Host} from '../host';
import {defaultChannelPath} from '../navigation/paths';
import {getCurrentUserId} from '../store/selectors';

import {HarnessIntlProvider} from './HarnessIntlProvider';
import {useHarnessSelector} from './hooks';
import {HostContext} from './hostContext';
import {ChannelScreen} from './layout/ChannelScreen';
import {ChannelView} from './layout/ChannelView';
import {LoginPage} from './login/LoginPage';
import {ModalHost} from './modals/ModalHost';

function HomeRedirect() {
    const loggedIn = useHarnessSelector((state) => getCurrentUserId(state) !== '');
    const target = useHarnessSelector(defaultChannelPath);
    if (!loggedIn) {
        return <Redirect to='/login'/>;
    }
    return target ? <Redirect to={target}/> : <ChannelView notFound='This user is in no team with a channel.'/>;
}

export function App({host}: {host: Host}) {
    return (
        <Provider store={host.store}>
            <HostContext.Provider value={host}>
                <HarnessIntlProvider>
                    <Router history={host.history}>
                        <>
                            <Switch>
                                <Route
                                    path='/login'
                                    render={() => <LoginPage/>}
                                />
                                <Route
                                    path='/:team/channels/:channel'
                                    render={({match}) => <ChannelScreen route={{teamName: match.params.team ?? '', channelName: match.params.channel ?? ''}}/>}
                                />
                                <Route
                                    path='/:team/messages/:username'
                                    render={({match}) => <ChannelScreen route={{teamName: match.params.team ?? '', dmUsername: match.params.username ?? ''}}/>}
                                />
                                <Route
                                    exact={true}
                                    path='/'
                                    render={() => <HomeRedirect/>}
                                />
                                <Route render={() => <ChannelView notFound={`The harness has no page at ${host.history.location.pathname}.`}/>}/>
                            </Switch>
                            <ModalHost/>
                        </>
                    </Router>
                </HarnessIntlProvider>
            </HostContext.Provider>
        </Provider>
    );
}
