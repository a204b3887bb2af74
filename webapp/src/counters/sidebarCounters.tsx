// The left-sidebar header: "Mine", "Overdue" and "Waiting on others", each a
// button that opens the Baton panel on that list. Mounting it fetches the
// numbers (which connects the session, which starts the live stream that
// keeps them current).
import React, {useEffect} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {HostComponentProps} from '../plugin/hostTypes';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getCountersState} from '../state/selectors';

import {COUNTERS} from './counterLists';
import type {CounterName} from './counterLists';

// Written out as {id: '...'} so the catalog test sees every id in use.
const labels: Record<CounterName, {id: string}> = {
  mine: {id: 'baton.counters.mine'},
  overdue: {id: 'baton.counters.overdue'},
  waiting: {id: 'baton.counters.waiting'},
};

const ariaLabels: Record<CounterName, {id: string}> = {
  mine: {id: 'baton.counters.mine.aria'},
  overdue: {id: 'baton.counters.overdue.aria'},
  waiting: {id: 'baton.counters.waiting.aria'},
};

export function SidebarCounters(_props: HostComponentProps) {
  const {counters, rhs} = useBatonServices();
  const {counts} = useBatonSelector(getCountersState);
  const intl = useIntl();

  useEffect(() => {
    counters.refresh().catch(() => undefined);
  }, [counters]);

  return (
    <nav
      className='baton-counters'
      aria-label={intl.formatMessage({id: 'baton.counters.label'})}
      data-testid='baton-counters'
    >
      {COUNTERS.map((name) => {
        const count = counts?.[name];
        return (
          <button
            key={name}
            type='button'
            className={`baton-counters__item baton-counters__item--${name}${name === 'overdue' && count ? ' baton-counters__item--alert' : ''}`}
            aria-label={intl.formatMessage(ariaLabels[name], {count: count ?? 0, known: count === undefined ? 'no' : 'yes'})}
            data-testid={`baton-counter-${name}`}
            onClick={() => rhs.showList(name)}
          >
            <span className='baton-counters__label'>
              <FormattedMessage {...labels[name]}/>
            </span>
            <span
              className='baton-counters__count'
              aria-hidden='true'
            >
              {count === undefined ? '–' : intl.formatNumber(count)}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
