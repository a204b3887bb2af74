import type {HostPost} from '../plugin/hostTypes';

import {cardButtons, cardFooter, readHandoffCard} from './handoffCardData';

const post = (props: Record<string, unknown> | null): HostPost => ({id: 'p1', type: 'custom_baton_handoff', message: 'text', props});

const card = {
  version: 1,
  task: {id: 't1', key: 'PAT-1', title: 'Review', url: ''},
  caseRef: null,
  stepName: null,
  runTitle: null,
  sender: null,
  previousHolder: null,
  comment: null,
  deadlines: [{kind: 'legal', dueAt: '2025-03-31T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}],
  sentAt: '2025-03-25T00:00:00.000Z',
  actions: ['accept'],
};

describe('readHandoffCard', () => {
  it('reads version 1', () => {
    expect(readHandoffCard(post({baton: card}))?.task.key).toBe('PAT-1');
  });

  it.each([
    ['another version', {...card, version: 2}],
    ['a deadline without a date-time', {...card, deadlines: [{kind: 'legal', dueAt: 'soon', allDay: false, timeZone: 'UTC'}]}],
    ['a string', 'PAT-1'],
    ['nothing', undefined],
  ])('gives null for %s', (_name, baton) => {
    expect(readHandoffCard(post({baton}))).toBeNull();
  });

  it('gives null for a post without props', () => {
    expect(readHandoffCard(post(null))).toBeNull();
  });
});

describe('cardButtons', () => {
  it('lists the first attachment’s buttons in order, with their cookies', () => {
    const actions = [
      {id: 'done', name: 'Done', type: 'button', style: 'success', cookie: 'c1'},
      {id: 'handoff', name: 'Hand off…', type: 'button'},
    ];
    expect(cardButtons(post({attachments: [{actions}, {actions: [{id: 'other', name: 'Other'}]}]}))).toEqual([
      {id: 'done', name: 'Done', style: 'success', cookie: 'c1'},
      {id: 'handoff', name: 'Hand off…', style: 'default', cookie: ''},
    ]);
  });

  it('leaves out menus and entries it cannot read', () => {
    const actions = [{id: 'assign', name: 'Assign', type: 'select'}, {name: 'no id'}, null, {id: 'accept', name: 'Accept'}];
    expect(cardButtons(post({attachments: [{actions}]})).map((button) => button.id)).toEqual(['accept']);
  });

  it.each([
    ['no attachments', {}],
    ['attachments that are not a list', {attachments: {actions: []}}],
    ['an attachment without actions', {attachments: [{text: 'x'}]}],
  ])('has none for %s', (_name, props) => {
    expect(cardButtons(post(props))).toEqual([]);
  });
});

describe('cardFooter', () => {
  it('is the first attachment’s footer, or null', () => {
    expect(cardFooter(post({attachments: [{footer: 'Accepted · 2025-03-25 09:12'}]}))).toBe('Accepted · 2025-03-25 09:12');
    expect(cardFooter(post({attachments: [{footer: '  '}]}))).toBeNull();
    expect(cardFooter(post({}))).toBeNull();
  });
});
