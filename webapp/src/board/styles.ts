// The board's filter bar (the columns and cards are still in styles/styles.ts's base rules).
export const boardCss = `
.baton-board__filters {
  padding-bottom: 0;
}
.baton-board__filters-clear {
  padding: 4px 8px;
  border: 0;
  border-radius: 4px;
  font-size: 12px;
  color: var(--link-color);
  background: transparent;
  cursor: pointer;
}
.baton-board__filters-clear:focus-visible,
.baton-board__filters select:focus-visible,
.baton-board__filters input:focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: -1px;
}
`;
