// The detail view's editing, sub-task and watcher rules (its base layout is
// in styles/styles.ts). Colours come from the user's Mattermost theme.
export const detailCss = `
.baton-detail__top {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  gap: 8px;
}
.baton-inline {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px;
  min-width: 0;
}
.baton-inline--editing {
  display: block;
}
.baton-inline__value {
  display: inline-flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px;
  min-width: 0;
}
.baton-inline__edit {
  padding: 0 4px;
  border: 0;
  border-radius: 4px;
  color: rgba(var(--center-channel-color-rgb), 0.56);
  background: transparent;
  cursor: pointer;
}
.baton-inline__edit:hover {
  color: var(--center-channel-color);
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-inline__edit:focus-visible,
.baton-inline__form :focus-visible,
.baton-detail__link:focus-visible,
.baton-detail__subtask:focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: 1px;
}
.baton-inline__actions {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
}
.baton-detail__title--editable {
  cursor: text;
}
.baton-detail__title--editable:hover {
  background: rgba(var(--center-channel-color-rgb), 0.04);
}
.baton-detail__deadline-unset {
  display: flex;
  gap: 6px;
  font-size: 13px;
}
.baton-detail__parent {
  margin: 0;
  font-size: 12px;
}
.baton-detail__link,
.baton-detail__subtask {
  padding: 0;
  border: 0;
  text-align: start;
  color: var(--link-color);
  background: transparent;
  cursor: pointer;
}
.baton-detail__subtask--closed > span:nth-child(2) {
  text-decoration: line-through;
}
.baton-detail__progress-text {
  margin: 0 0 4px;
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-detail__progress {
  height: 6px;
  margin-bottom: 8px;
  overflow: hidden;
  border-radius: 3px;
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-detail__progress-done {
  height: 100%;
  background: var(--online-indicator);
}
.baton-detail__subtasks > .baton-detail__button {
  margin-top: 8px;
}
.baton-detail__watchers {
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: 4px;
}
`;
