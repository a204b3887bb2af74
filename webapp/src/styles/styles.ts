// Plugin CSS. The host loads only the bundle's JS, so these rules are
// injected at runtime. Colours come from the user's Mattermost theme.
export const stylesElementId = 'baton-styles';

export const pluginCss = `
.baton-rhs {
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: 8px;
  height: 100%;
  padding: 32px 24px;
  text-align: center;
  color: var(--center-channel-color);
  background: var(--center-channel-bg);
}
.baton-rhs__title {
  margin: 0;
  font-size: 20px;
  font-weight: 600;
  line-height: 28px;
  color: var(--center-channel-color);
}
.baton-rhs__placeholder {
  max-width: 320px;
  margin: 0;
  font-size: 14px;
  line-height: 20px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-rhs__accent {
  width: 32px;
  height: 4px;
  border-radius: 2px;
  background: var(--button-bg);
}
.baton-session {
  max-width: 320px;
  margin: 0;
  font-size: 14px;
  line-height: 20px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-session--error {
  color: var(--error-text);
}
.baton-session--error p {
  margin: 0 0 8px;
}
.baton-session__retry {
  padding: 4px 12px;
  border: 1px solid var(--button-bg);
  border-radius: 4px;
  font-weight: 600;
  color: var(--button-bg);
  background: transparent;
  cursor: pointer;
}
.baton-icon {
  display: inline-flex;
  align-items: center;
  justify-content: center;
}
.baton-icon svg {
  width: 18px;
  height: 18px;
}
`;
