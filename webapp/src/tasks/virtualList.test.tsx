import React from 'react';
import {act} from 'react-dom/test-utils';

import {renderWithIntl} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';

import {VirtualList, visibleRange} from './virtualList';

const rowHeight = 56;
const count = 5000;

describe('visibleRange', () => {
  it('covers the viewport plus the overscan, clamped to the list', () => {
    expect(visibleRange(0, 560, rowHeight, count, 6)).toEqual([0, 17]);
    expect(visibleRange(56 * 2500, 560, rowHeight, count, 6)).toEqual([2494, 2517]);
    expect(visibleRange(56 * 4999, 560, rowHeight, count, 6)).toEqual([4993, 5000]);
    expect(visibleRange(0, 560, rowHeight, 0, 6)).toEqual([0, 0]);
  });
});

describe('VirtualList', () => {
  let rendered: Rendered | undefined;
  afterEach(() => rendered?.unmount());

  function render(onEndReached = jest.fn()) {
    rendered = renderWithIntl(
      <div style={{height: 560}}>
        <VirtualList
          count={count}
          rowHeight={rowHeight}
          fallbackHeight={560}
          rowKey={(index) => `row-${index}`}
          renderRow={(index) => (
            <button
              type='button'
              data-row-focus=''
            >
              {`Task ${index}`}
            </button>
          )}
          isFocusable={(index) => index % 10 !== 5}
          onEndReached={onEndReached}
          ariaLabel='Mine'
        />
      </div>,
    );
    const viewport = rendered.container.querySelector<HTMLElement>('[role="list"]') as HTMLElement;
    const indexes = () => [...viewport.querySelectorAll<HTMLElement>('[data-index]')].map((row) => Number(row.dataset.index));
    return {viewport, indexes, onEndReached};
  }

  function scrollTo(viewport: HTMLElement, top: number) {
    act(() => {
      viewport.scrollTop = top;
      viewport.dispatchEvent(new Event('scroll'));
    });
  }

  function press(element: Element, key: string) {
    act(() => {
      element.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
    });
  }

  it('puts only a window of 5,000 rows in the DOM, in a spacer as tall as all of them', () => {
    const {viewport, indexes} = render();
    expect(indexes()).toEqual([...Array(17).keys()]);
    expect((viewport.firstElementChild as HTMLElement).style.height).toBe(`${count * rowHeight}px`);
    const row = viewport.querySelector<HTMLElement>('[data-index="3"]');
    expect(row?.style.top).toBe(`${3 * rowHeight}px`);
    expect(row?.getAttribute('aria-setsize')).toBe('5000');
    expect(row?.getAttribute('aria-posinset')).toBe('4');
  });

  it('moves the window as the list scrolls, and asks for more near the end', () => {
    const {viewport, indexes, onEndReached} = render();
    scrollTo(viewport, 2500 * rowHeight);
    expect(indexes()[0]).toBe(2494);
    expect(indexes()).toContain(2510);
    expect(indexes()).not.toContain(0);
    expect(indexes().length).toBeLessThanOrEqual(25);
    expect(onEndReached).not.toHaveBeenCalled();

    scrollTo(viewport, (count - 10) * rowHeight);
    expect(indexes().at(-1)).toBe(count - 1);
    expect(onEndReached).toHaveBeenCalled();
  });

  it('moves focus with the arrow keys, skipping rows that take none, and scrolls to End', () => {
    const {viewport, indexes} = render();
    const first = viewport.querySelector<HTMLElement>('[data-index="4"] button') as HTMLElement;
    first.focus();
    press(first, 'ArrowDown');
    expect(document.activeElement?.textContent).toBe('Task 6');
    press(document.activeElement as Element, 'ArrowUp');
    expect(document.activeElement?.textContent).toBe('Task 4');

    press(document.activeElement as Element, 'End');
    expect(document.activeElement?.textContent).toBe('Task 4999');
    expect(viewport.scrollTop).toBe(count * rowHeight - 560);
    expect(indexes()).not.toContain(4);

    press(document.activeElement as Element, 'Home');
    expect(document.activeElement?.textContent).toBe('Task 0');
  });
});
