// The user picker's popup list, under its input in the form's flow.
export const peopleCss = `
.baton-user-picker {
  position: relative;
  display: flex;
  flex-direction: column;
}
.baton-user-picker__list {
  margin: 2px 0 0;
  padding: 4px 0;
  max-height: 200px;
  overflow-y: auto;
  list-style: none;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  background: var(--center-channel-bg);
  box-shadow: 0 4px 8px rgba(var(--center-channel-color-rgb), 0.12);
}
.baton-user-picker__list[hidden] {
  display: none;
}
.baton-user-picker__option {
  padding: 4px 8px;
  color: var(--center-channel-color);
  cursor: pointer;
}
.baton-user-picker__option[aria-selected='true'] {
  background: rgba(var(--button-bg-rgb), 0.12);
  outline: 1px solid var(--button-bg);
}
.baton-user-picker__username {
  font-weight: 600;
}
.baton-user-picker__name {
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-user-picker__status {
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
`;
