// The handoff card in a DM: a compact block in the post list, coloured only
// by the viewer's Mattermost theme (Denim, Onyx, …). The left bar marks it
// as Baton's, as the attachment's colour bar does on other clients.
export const cardsCss = `
.baton-card {
  display: flex;
  flex-direction: column;
  gap: 6px;
  max-width: 640px;
  margin: 4px 0;
  padding: 10px 12px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-left: 4px solid var(--button-bg);
  border-radius: 4px;
  font-size: 14px;
  line-height: 20px;
  color: var(--center-channel-color);
  background: var(--center-channel-bg);
}
.baton-card p {
  margin: 0;
}
.baton-card--compact {
  gap: 4px;
  padding: 6px 10px;
}
.baton-card__header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px 8px;
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-card__icon {
  color: var(--button-bg);
}
.baton-card__title {
  font-weight: 600;
}
.baton-card a {
  color: var(--link-color);
}
.baton-card__task {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 8px;
  font-size: 16px;
  font-weight: 600;
}
.baton-card__key,
.baton-card__more {
  padding: 0;
  border: none;
  font: inherit;
  color: var(--link-color);
  background: transparent;
  cursor: pointer;
}
.baton-card__key {
  font-family: monospace;
  white-space: nowrap;
}
.baton-card__key:hover,
.baton-card__more:hover {
  text-decoration: underline;
}
.baton-card__task-title {
  overflow-wrap: anywhere;
}
.baton-card__meta {
  display: flex;
  flex-wrap: wrap;
  gap: 0 12px;
}
.baton-card__meta,
.baton-card__from,
.baton-card__footer,
.baton-card__note {
  font-size: 13px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-card__comment {
  margin: 2px 0;
  padding: 2px 0 2px 10px;
  border-left: 3px solid rgba(var(--center-channel-color-rgb), 0.24);
  font-size: 14px;
  color: var(--center-channel-color);
}
.baton-card__comment .baton-markdown p {
  margin: 0 0 4px;
}
.baton-card__more {
  font-size: 13px;
}
.baton-card__deadlines {
  display: flex;
  flex-direction: column;
  gap: 2px;
  margin: 0;
  padding: 0;
  list-style: none;
}
.baton-card__deadline {
  display: grid;
  grid-template-columns: minmax(120px, max-content) minmax(0, max-content) auto;
  gap: 0 12px;
  align-items: baseline;
  font-size: 13px;
}
.baton-card--rhs .baton-card__deadline,
.baton-card--compact .baton-card__deadline {
  grid-template-columns: 1fr;
}
.baton-card__deadline-kind {
  display: inline-flex;
  align-items: baseline;
  gap: 4px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-card__deadline--legal .baton-card__deadline-kind,
.baton-card__deadline--legal .baton-card__deadline-date {
  font-weight: 600;
  color: var(--center-channel-color);
}
.baton-card__legal-mark {
  padding: 0 4px;
  border-radius: 4px;
  font-size: 11px;
  font-weight: 600;
  color: var(--button-bg);
  background: rgba(var(--button-bg-rgb), 0.08);
}
.baton-card__deadline-relative {
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-card__deadline--overdue .baton-card__deadline-relative {
  font-weight: 600;
  color: var(--error-text);
}
.baton-card__now {
  display: flex;
  align-items: baseline;
  gap: 4px;
  font-size: 13px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-card__now--closed {
  color: var(--online-indicator);
}
.baton-card__actions {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
  margin-top: 4px;
}
.baton-card__button {
  min-height: 32px;
  padding: 4px 14px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.24);
  border-radius: 4px;
  font-size: 13px;
  font-weight: 600;
  color: var(--button-bg);
  background: var(--center-channel-bg);
  cursor: pointer;
}
.baton-card__button:hover {
  background: rgba(var(--button-bg-rgb), 0.08);
}
.baton-card__button--primary {
  border-color: var(--button-bg);
  color: var(--button-color);
  background: var(--button-bg);
}
.baton-card__button--primary:hover {
  color: var(--button-color);
  background: rgba(var(--button-bg-rgb), 0.88);
}
.baton-card__button--success {
  border-color: var(--online-indicator);
  color: var(--online-indicator);
}
.baton-card__button--danger {
  border-color: var(--error-text);
  color: var(--error-text);
}
.baton-card__button[aria-disabled='true'] {
  opacity: 0.64;
  cursor: progress;
}
.baton-card__key:focus-visible,
.baton-card__more:focus-visible,
.baton-card__button:focus-visible,
.baton-card a:focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: 2px;
}
.baton-card__error {
  font-size: 13px;
  color: var(--error-text);
}
.baton-card__ephemeral {
  font-size: 13px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
`;
