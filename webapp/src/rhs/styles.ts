// The panel's toolbar (New task, Start workflow, Settings) and the frame the
// panel's forms share: labelled fields, field errors, the actions row.
export const panelCss = `
.baton-toolbar {
  display: flex;
  gap: 4px;
  justify-content: flex-end;
  padding: 8px 12px 0;
}
.baton-toolbar__button {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 4px 8px;
  border: 1px solid transparent;
  border-radius: 4px;
  font-size: 12px;
  font-weight: 600;
  color: rgba(var(--center-channel-color-rgb), 0.72);
  background: transparent;
  cursor: pointer;
}
.baton-toolbar__button:hover {
  color: var(--center-channel-color);
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-toolbar__button:focus-visible,
.baton-form :focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: 1px;
}
.baton-form {
  display: flex;
  flex-direction: column;
  gap: 12px;
  padding: 12px 16px 24px;
  overflow-y: auto;
}
.baton-form__title {
  margin: 0;
  font-size: 16px;
  font-weight: 600;
  color: var(--center-channel-color);
}
.baton-form__field {
  display: flex;
  flex-direction: column;
  gap: 4px;
}
.baton-form__label {
  font-size: 12px;
  font-weight: 600;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-form__help {
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-form__input,
.baton-form__select,
.baton-form__textarea {
  padding: 6px 8px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  font: inherit;
  color: var(--center-channel-color);
  background: var(--center-channel-bg);
}
.baton-form__input[aria-invalid='true'],
.baton-form__select[aria-invalid='true'],
.baton-form__textarea[aria-invalid='true'] {
  border-color: var(--error-text);
}
.baton-form__textarea {
  min-height: 80px;
  resize: vertical;
}
.baton-form__error {
  margin: 0;
  font-size: 12px;
  color: var(--error-text);
}
.baton-form__actions {
  display: flex;
  gap: 8px;
  justify-content: flex-end;
}
.baton-form__submit {
  padding: 6px 16px;
  border: none;
  border-radius: 4px;
  font-weight: 600;
  color: var(--button-color);
  background: var(--button-bg);
  cursor: pointer;
}
.baton-form__submit:disabled {
  opacity: 0.64;
  cursor: default;
}
.baton-form__cancel {
  padding: 6px 16px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  font-weight: 600;
  color: var(--center-channel-color);
  background: transparent;
  cursor: pointer;
}
`;
