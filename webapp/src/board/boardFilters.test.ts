import {taskFixture} from '../testing/fixtures';

import {boardFiltersActive, cardMatches, labelsOf, noBoardFilters} from './boardFilters';

const me = 'uuuuuuuuuuuuuuuuuuuuuuuuuu';

describe('boardFilters', () => {
  it('matches labels in any letter case and text in the key, title or labels (full-width folded)', () => {
    const task = taskFixture({key: 'PAT-7', title: 'Ｃlaims', labels: ['Urgent-Review'], holderId: null});
    expect(cardMatches(task, {...noBoardFilters, label: 'urgent-review'}, me)).toBe(true);
    expect(cardMatches(task, {...noBoardFilters, q: 'claims'}, me)).toBe(true);
    expect(cardMatches(task, {...noBoardFilters, q: 'pat-7'}, me)).toBe(true);
    expect(cardMatches(task, {...noBoardFilters, q: 'review'}, me)).toBe(true);
    expect(cardMatches(task, {...noBoardFilters, holder: 'me'}, me)).toBe(false);
    expect(cardMatches(task, {...noBoardFilters, priority: 'urgent'}, me)).toBe(false);
    expect(boardFiltersActive(noBoardFilters)).toBe(false);
    expect(boardFiltersActive({...noBoardFilters, q: '  '})).toBe(false);
    expect(labelsOf([task, taskFixture({labels: ['b', 'Urgent-Review']})])).toEqual(['b', 'Urgent-Review']);
  });
});
