// The task form uses the panel's shared form classes (rhs/styles.ts); these
// rules only keep short inputs short.
export const taskFormCss = `
.baton-task-form .baton-form__input[type='date'] {
  max-width: 200px;
}
.baton-task-form .baton-form__select {
  max-width: 100%;
}
`;
