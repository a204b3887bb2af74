// The settings form's own rules (the form frame is rhs/styles.ts's).
export const settingsCss = `
.baton-settings__check label,
.baton-settings__mutes label {
  display: flex;
  align-items: center;
  gap: 6px;
  font-size: 14px;
  color: var(--center-channel-color);
}
.baton-settings__mutes {
  margin: 0;
  padding: 8px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
}
`;
