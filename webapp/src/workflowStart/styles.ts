// The start-a-workflow form's own rules (the form frame is rhs/styles.ts's).
export const workflowStartCss = `
.baton-wf__deadlines {
  margin: 0;
  padding: 8px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
}
.baton-wf__check label {
  display: flex;
  align-items: center;
  gap: 6px;
  font-size: 14px;
  color: var(--center-channel-color);
}
.baton-wf__started {
  margin: 0;
  font-size: 14px;
  color: var(--center-channel-color);
}
.baton-form__title:focus-visible {
  outline: 2px solid var(--button-bg);
}
`;
