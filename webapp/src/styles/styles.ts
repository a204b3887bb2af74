// Plugin CSS. The host loads only the bundle's JS, so these rules are
// injected at runtime. Colours come from the user's Mattermost theme.
import {boardCss} from '../board/styles';
import {cardsCss} from '../cards/styles';
import {detailCss} from '../detail/styles';
import {peopleCss} from '../people/styles';
import {panelCss} from '../rhs/styles';
import {settingsCss} from '../settings/styles';
import {workflowStartCss} from '../workflowStart/styles';
import {taskFormCss} from '../taskForm/styles';
import {tasksCss} from '../tasks/styles';

export const stylesElementId = 'baton-styles';

const baseCss = `
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
.baton-session__retry,
.baton-tasks__retry,
.baton-tasks__more {
  padding: 4px 12px;
  border: 1px solid var(--button-bg);
  border-radius: 4px;
  font-weight: 600;
  color: var(--button-bg);
  background: transparent;
  cursor: pointer;
}
.baton-rhs--lists {
  align-items: stretch;
  justify-content: flex-start;
  gap: 0;
  padding: 0;
  text-align: start;
}
.baton-rhs--lists > .baton-rhs__title {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
}
.baton-rhs--lists > .baton-session {
  max-width: none;
  padding: 12px 16px;
}
.baton-tasks {
  display: flex;
  flex: 1;
  flex-direction: column;
  min-height: 0;
}
.baton-tasks__tabs {
  display: flex;
  border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
}
.baton-tasks__tab {
  flex: 1;
  padding: 10px 4px;
  border: 0;
  border-bottom: 2px solid transparent;
  font-size: 12px;
  font-weight: 600;
  color: rgba(var(--center-channel-color-rgb), 0.64);
  background: transparent;
  cursor: pointer;
}
.baton-tasks__tab[aria-selected="true"] {
  border-bottom-color: var(--button-bg);
  color: var(--button-bg);
}
.baton-tasks__tab:focus-visible,
.baton-task-row:focus-visible,
.baton-tasks__retry:focus-visible,
.baton-tasks__more:focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: -2px;
}
.baton-tasks__panel,
.baton-tasks__list {
  display: flex;
  flex: 1;
  flex-direction: column;
  min-height: 0;
}
.baton-tasks__about {
  margin: 0;
  padding: 8px 16px 0;
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-board__toggle {
  display: flex;
  gap: 4px;
  padding: 8px 16px 0;
}
.baton-board__toggle-button {
  padding: 2px 10px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.72);
  background: transparent;
}
.baton-board__toggle-button[aria-pressed="true"] {
  border-color: var(--button-bg);
  color: var(--button-bg);
  background: rgba(var(--button-bg-rgb), 0.08);
}
.baton-board {
  display: flex;
  flex: 1;
  flex-direction: column;
  min-height: 0;
}
.baton-board__live,
.baton-board__help {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
}
.baton-board__columns {
  display: flex;
  flex: 1;
  gap: 8px;
  padding: 8px 16px;
  overflow-x: auto;
}
.baton-board__column {
  display: flex;
  flex: 0 0 200px;
  flex-direction: column;
  gap: 6px;
  padding: 8px;
  border-radius: 4px;
  background: rgba(var(--center-channel-color-rgb), 0.04);
}
.baton-board__column--target {
  box-shadow: inset 0 0 0 2px var(--button-bg);
}
.baton-board__column-title {
  display: flex;
  justify-content: space-between;
  margin: 0;
  font-size: 12px;
  font-weight: 600;
  color: rgba(var(--center-channel-color-rgb), 0.72);
}
.baton-board__column-empty {
  margin: 0;
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.56);
}
.baton-board__card {
  display: flex;
  flex-direction: column;
  gap: 4px;
  width: 100%;
  padding: 8px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  text-align: start;
  color: var(--center-channel-color);
  background: var(--center-channel-bg);
  cursor: grab;
}
.baton-board__card[aria-busy="true"] {
  opacity: 0.64;
}
.baton-board__card:focus-visible,
.baton-board__toggle-button:focus-visible {
  outline: 2px solid var(--button-bg);
  outline-offset: -2px;
}
.baton-board__card-line {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px;
  min-width: 0;
}
.baton-board__card-title {
  overflow-wrap: anywhere;
}
.baton-task-filters {
  display: flex;
  flex-direction: column;
  gap: 6px;
  padding: 8px 16px;
}
.baton-task-filters__search {
  display: flex;
  align-items: center;
  gap: 4px;
  padding: 0 8px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-task-filters input,
.baton-task-filters select {
  min-width: 0;
  font-size: 12px;
  color: var(--center-channel-color);
  background: var(--center-channel-bg);
}
.baton-task-filters__search input {
  flex: 1;
  padding: 6px 0;
  border: 0;
  outline: none;
  font-size: 14px;
}
.baton-task-filters__row {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
}
.baton-task-filters__row select,
.baton-task-filters__label {
  flex: 1 1 100px;
  padding: 4px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
}
.baton-tasks__state {
  margin: 0;
  padding: 24px 16px;
  font-size: 14px;
  text-align: center;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-tasks__state--inline {
  padding: 4px 16px;
  font-size: 12px;
}
.baton-tasks__error {
  margin: 4px 16px;
  padding: 8px 12px;
  border-radius: 4px;
  font-size: 13px;
  color: var(--error-text);
  background: rgba(var(--error-text-color-rgb), 0.08);
}
.baton-tasks__error p {
  margin: 0 0 6px;
}
.baton-tasks__error-reference {
  font-family: monospace;
  font-size: 11px;
}
.baton-tasks__more {
  margin: 8px 16px;
}
.baton-vlist {
  position: relative;
  flex: 1;
  min-height: 0;
  overflow-y: auto;
}
.baton-vlist__spacer {
  position: relative;
}
.baton-vlist__row {
  position: absolute;
  right: 0;
  left: 0;
}
.baton-tasks__bucket {
  display: flex;
  align-items: flex-end;
  justify-content: space-between;
  height: 100%;
  margin: 0;
  padding: 0 16px 6px;
  font-size: 12px;
  font-weight: 600;
  text-transform: uppercase;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-tasks__bucket--overdue {
  color: var(--error-text);
}
.baton-task-row {
  display: flex;
  flex-direction: column;
  justify-content: center;
  gap: 2px;
  width: 100%;
  height: 100%;
  padding: 0 16px;
  border: 0;
  border-bottom: 1px solid rgba(var(--center-channel-color-rgb), 0.08);
  text-align: start;
  color: var(--center-channel-color);
  background: transparent;
  cursor: pointer;
}
.baton-task-row:hover {
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-task-row--selected {
  background: rgba(var(--button-bg-rgb), 0.08);
  box-shadow: inset 3px 0 0 var(--button-bg);
}
.baton-task-row__line {
  display: flex;
  align-items: center;
  gap: 6px;
  min-width: 0;
  overflow: hidden;
  white-space: nowrap;
}
.baton-task-row__key {
  font-size: 12px;
  font-weight: 600;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-task-row__title {
  overflow: hidden;
  text-overflow: ellipsis;
  font-size: 14px;
}
.baton-task-row__meta {
  font-size: 12px;
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-task-row__priority {
  font-size: 14px;
  color: rgba(var(--center-channel-color-rgb), 0.32);
}
.baton-task-row--high .baton-task-row__priority {
  color: var(--away-indicator);
}
.baton-task-row--urgent .baton-task-row__priority {
  color: var(--error-text);
}
.baton-task-row__due--overdue {
  color: var(--error-text);
}
.baton-task-row__due--legal {
  font-weight: 600;
}
.baton-counters {
  display: flex;
  gap: 4px;
  padding: 4px 12px 8px;
}
.baton-counters__item {
  display: flex;
  flex: 1 1 0;
  flex-direction: column;
  align-items: flex-start;
  min-width: 0;
  padding: 4px 8px;
  border: 0;
  border-radius: 4px;
  color: var(--sidebar-text);
  background: rgba(var(--sidebar-text-rgb), 0.08);
  cursor: pointer;
}
.baton-counters__item:hover {
  background: var(--sidebar-text-hover-bg);
}
.baton-counters__item:focus-visible {
  outline: 2px solid var(--sidebar-text-active-border);
}
.baton-counters__label {
  max-width: 100%;
  overflow: hidden;
  font-size: 11px;
  line-height: 16px;
  white-space: nowrap;
  text-overflow: ellipsis;
  color: rgba(var(--sidebar-text-rgb), 0.72);
}
.baton-counters__count {
  font-size: 16px;
  font-weight: 600;
  line-height: 20px;
}
.baton-counters__item--alert .baton-counters__count {
  color: var(--mention-bg);
}
.baton-detail {
  display: flex;
  flex-direction: column;
  gap: 12px;
  padding: 12px 16px;
  overflow-y: auto;
  color: var(--center-channel-color);
}
.baton-detail__back,
.baton-detail__button {
  align-self: flex-start;
  padding: 4px 12px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  font-size: 13px;
  color: var(--button-bg);
  background: var(--center-channel-bg);
  cursor: pointer;
}
.baton-detail__button--primary {
  border-color: var(--button-bg);
  color: var(--button-color);
  background: var(--button-bg);
}
.baton-detail__button:disabled {
  opacity: 0.56;
  cursor: default;
}
.baton-detail__back:focus-visible,
.baton-detail__button:focus-visible,
.baton-detail__title:focus-visible,
.baton-detail__input:focus-visible {
  outline: 2px solid var(--button-bg);
}
.baton-detail__title {
  margin: 0;
  font-size: 16px;
  font-weight: 600;
  line-height: 24px;
}
.baton-detail__key {
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-detail__fields {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 4px 12px;
  margin: 0;
  font-size: 13px;
}
.baton-detail__label {
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-detail__value {
  margin: 0;
}
.baton-detail__labels,
.baton-detail__deadlines,
.baton-detail__items,
.baton-board__cards {
  display: flex;
  flex-direction: column;
  gap: 6px;
  margin: 0;
  padding: 0;
  list-style: none;
}
.baton-detail__labels {
  flex-direction: row;
  flex-wrap: wrap;
}
.baton-detail__labels li {
  padding: 0 6px;
  border-radius: 4px;
  background: rgba(var(--center-channel-color-rgb), 0.08);
}
.baton-detail__case {
  color: var(--link-color);
}
.baton-detail__section-title {
  margin: 0 0 6px;
  font-size: 14px;
  font-weight: 600;
}
.baton-detail__deadline {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
  font-size: 13px;
}
.baton-detail__deadline-kind,
.baton-detail__deadline--legal .baton-detail__legal-mark {
  font-weight: 600;
}
.baton-detail__legal-mark {
  padding: 0 4px;
  border-radius: 4px;
  color: var(--button-color);
  background: var(--button-bg);
}
.baton-detail__deadline-relative,
.baton-detail__meta,
.baton-detail__state,
.baton-detail__pending {
  color: rgba(var(--center-channel-color-rgb), 0.64);
}
.baton-detail__deadline--overdue .baton-detail__deadline-relative {
  color: var(--error-text);
}
.baton-detail__meta,
.baton-detail__what,
.baton-detail__state {
  margin: 0;
  font-size: 12px;
}
.baton-detail__error {
  margin: 0;
  padding: 8px 12px;
  border-radius: 4px;
  font-size: 13px;
  color: var(--error-text);
  background: rgba(var(--error-text-color-rgb), 0.08);
}
.baton-detail__buttons {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
}
.baton-detail__form,
.baton-detail__field {
  display: flex;
  flex-direction: column;
  gap: 6px;
  font-size: 13px;
}
.baton-detail__input {
  padding: 4px 8px;
  border: 1px solid rgba(var(--center-channel-color-rgb), 0.16);
  border-radius: 4px;
  color: var(--center-channel-color);
  background: var(--center-channel-bg);
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

// Each feature keeps its own rules beside its components (`<feature>/styles.ts`).
const featureCss: readonly string[] = [panelCss, boardCss, workflowStartCss, settingsCss, cardsCss, detailCss, peopleCss, taskFormCss, tasksCss];

export const pluginCss = [baseCss, ...featureCss].join('\n');
