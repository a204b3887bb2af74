// The bar above the board's columns: search text, priority, label (those the
// loaded cards carry) and holder (me / anyone). See boardFilters.ts for why
// it filters on the client.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {PriorityFilter} from '../tasks/priorityOptions';

import {boardFiltersActive, noBoardFilters} from './boardFilters';
import type {BoardFilters} from './boardFilters';

export type BoardFilterBarProps = {
  filters: BoardFilters;
  labels: readonly string[];
  onChange: (filters: BoardFilters) => void;
};

export function BoardFilterBar({filters, labels, onChange}: BoardFilterBarProps) {
  const intl = useIntl();
  const change = (part: Partial<BoardFilters>) => onChange({...filters, ...part});
  return (
    <div
      className='baton-task-filters baton-board__filters'
      role='search'
      aria-label={intl.formatMessage({id: 'baton.board.filters'})}
    >
      <div className='baton-task-filters__search'>
        <i
          className='icon icon-magnify'
          aria-hidden='true'
        />
        <input
          type='search'
          value={filters.q}
          aria-label={intl.formatMessage({id: 'baton.board.filter.search'})}
          placeholder={intl.formatMessage({id: 'baton.board.filter.search'})}
          onChange={(event) => change({q: event.target.value})}
        />
      </div>
      <div className='baton-task-filters__row'>
        <PriorityFilter
          value={filters.priority}
          onChange={(priority) => change({priority})}
        />
        <select
          aria-label={intl.formatMessage({id: 'baton.board.filter.label'})}
          value={filters.label}
          onChange={(event) => change({label: event.target.value})}
        >
          <option value=''>{intl.formatMessage({id: 'baton.board.filter.label.any'})}</option>
          {labels.map((label) => (
            <option
              key={label}
              value={label}
            >
              {label}
            </option>
          ))}
        </select>
        <select
          aria-label={intl.formatMessage({id: 'baton.board.filter.holder'})}
          value={filters.holder}
          onChange={(event) => change({holder: event.target.value === 'me' ? 'me' : 'anyone'})}
        >
          <option value='anyone'>{intl.formatMessage({id: 'baton.board.filter.holder.anyone'})}</option>
          <option value='me'>{intl.formatMessage({id: 'baton.board.filter.holder.me'})}</option>
        </select>
        {boardFiltersActive(filters) && (
          <button
            type='button'
            className='baton-board__filters-clear'
            onClick={() => onChange(noBoardFilters)}
          >
            <FormattedMessage id='baton.board.filter.clear'/>
          </button>
        )}
      </div>
    </div>
  );
}
