// The panel's notices above its tabs (`/task show` for a task that cannot be read).
export const tasksCss = `
.baton-tasks__notice {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  margin: 8px 16px 0;
  padding: 8px 12px;
  border-radius: 4px;
  font-size: 13px;
  color: var(--center-channel-color);
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-tasks__notice p {
  flex: 1;
  margin: 0;
}
.baton-tasks__notice-dismiss {
  display: inline-flex;
  flex: none;
  align-items: center;
  justify-content: center;
  width: 24px;
  height: 24px;
  padding: 0;
  border: none;
  border-radius: 4px;
  background: none;
  color: rgba(var(--center-channel-color-rgb), 0.64);
  cursor: pointer;
}
.baton-tasks__notice-dismiss:hover {
  color: var(--center-channel-color);
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-tasks__notice-dismiss:focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: 2px;
}
`;
