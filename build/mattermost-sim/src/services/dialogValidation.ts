import {isValidHttpUrl} from './commands';
import type {Dialog, DialogElement} from './dialogModel';

// model.Dialog.IsValid / DialogElement.IsValid (server/public/model/
// integration_action.go), message for message. Two of its findings are only
// advice (Mattermost resets the value or uses part of it), so they are marked
// and never make a dialog invalid here.

export interface DialogFinding {
  message: string;
  advisory: boolean;
}

const TEXT_SUBTYPES = new Set(['', 'text', 'email', 'number', 'tel', 'url', 'password']);
const bytes = (value: string) => Buffer.byteLength(value, 'utf8');
const goQuote = (value: string) => JSON.stringify(value);

function maxLength(fieldName: string, value: string, max: number): string | undefined {
  if ((fieldName === 'DisplayName' || fieldName === 'Name') && value.length === 0) return `${fieldName} cannot be empty`;
  if (bytes(value) > max) return `${fieldName} cannot be longer than ${max} characters, got ${bytes(value)}`;
  return undefined;
}

function isDefaultInOptions(value: string, options: DialogElement['options']): boolean {
  return value === '' || (options ?? []).some((option) => option !== null && option.value === value);
}

function isMultiSelectDefaultInOptions(value: string, options: DialogElement['options']): boolean {
  if (value === '') return true;
  return value
    .replaceAll(' ', '')
    .split(',')
    .filter((part) => part !== '')
    .every((part) => (options ?? []).some((option) => option !== null && option.value === part));
}

/** model.IsValidLookupURL. */
function isValidLookupUrl(url: string): boolean {
  if (url === '') return false;
  if (url.startsWith('/plugins/')) return !url.includes('..') && !url.includes('//');
  return isValidHttpUrl(url);
}

function isRelativeDate(value: string): boolean {
  if (['today', 'tomorrow', 'yesterday'].includes(value)) return true;
  if (value.length < 3 || value.length > 5 || (value[0] !== '+' && value[0] !== '-')) return false;
  return 'dwm'.includes(value.slice(-1).toLowerCase()) && /^[+-]?\d+$/.test(value.slice(1, -1));
}

function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The four datetime layouts Mattermost accepts (RFC 3339 UTC or with offset, no zone, no seconds).
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDate(match[1] ?? '', match[2] ?? '', match[3] ?? '');
}

function isIsoDateTime(value: string): boolean {
  const match = ISO_DATETIME.exec(value);
  if (!match || !isCalendarDate(match[1] ?? '', match[2] ?? '', match[3] ?? '')) return false;
  // Without seconds there is no zone in the accepted layouts.
  return match[6] !== undefined || match[7] === undefined;
}

function checkDate(value: string, findings: DialogFinding[]): void {
  if (value === '' || isRelativeDate(value) || isIsoDate(value)) return;
  if (isIsoDateTime(value)) {
    findings.push({advisory: true, message: `date field received datetime format ${goQuote(value)}, only date portion ${goQuote(value.slice(0, 10))} will be used. Consider using date format instead`});
    return;
  }
  findings.push({advisory: false, message: `invalid date format: ${goQuote(value)}, expected ISO format (YYYY-MM-DD), datetime format, or relative format`});
}

function checkDateTime(value: string, findings: DialogFinding[]): void {
  if (value === '' || isRelativeDate(value) || isIsoDateTime(value)) return;
  findings.push({advisory: false, message: `invalid datetime format: ${goQuote(value)}, expected ISO format (YYYY-MM-DDTHH:MM:SSZ) or relative format`});
}

function elementFindings(element: DialogElement): DialogFinding[] {
  const findings: DialogFinding[] = [];
  const error = (message: string | undefined) => {
    if (message !== undefined) findings.push({advisory: false, message});
  };
  if (element.min_length < 0) error(`min length cannot be a negative number, got ${element.min_length}`);
  if (element.min_length > element.max_length) error(`min length should be less then max length, got ${element.min_length} > ${element.max_length}`);
  error(maxLength('DisplayName', element.display_name, 24));
  error(maxLength('Name', element.name, 300));
  error(maxLength('HelpText', element.help_text, 150));
  if (element.multiselect && element.type !== 'select') error(`multiselect can only be used with select elements, got type ${goQuote(element.type)}`);
  switch (element.type) {
    case 'text':
    case 'textarea': {
      const limit = element.type === 'text' ? 150 : 3000;
      error(maxLength('Default', element.default, limit));
      error(maxLength('Placeholder', element.placeholder, limit));
      // Mattermost quotes the type here, not the subtype.
      if (!TEXT_SUBTYPES.has(element.subtype)) error(`invalid subtype ${goQuote(element.type)}`);
      break;
    }
    case 'select':
      error(maxLength('Default', element.default, 3000));
      error(maxLength('Placeholder', element.placeholder, 3000));
      if (!['', 'users', 'channels', 'dynamic'].includes(element.data_source)) error(`invalid data source ${goQuote(element.data_source)}, allowed are 'users', 'channels', or 'dynamic'`);
      if (element.data_source === 'dynamic') {
        if (element.data_source_url === '') error('dynamic data_source requires data_source_url');
        else if (!isValidLookupUrl(element.data_source_url)) error('invalid data_source_url for dynamic select');
        if ((element.options ?? []).length > 0) error('dynamic select element should not have static options');
      } else if (element.data_source === '') {
        if (element.multiselect && !isMultiSelectDefaultInOptions(element.default, element.options)) error(`multiselect default value ${goQuote(element.default)} contains values not in options`);
        else if (!element.multiselect && !isDefaultInOptions(element.default, element.options)) error(`default value ${goQuote(element.default)} doesn't exist in options `);
      }
      break;
    case 'bool':
      if (!['', 'true', 'false'].includes(element.default)) error('invalid default of bool');
      error(maxLength('Placeholder', element.placeholder, 150));
      break;
    case 'radio':
      if (!isDefaultInOptions(element.default, element.options)) error(`default value ${goQuote(element.default)} doesn't exist in options `);
      break;
    case 'date':
    case 'datetime': {
      error(maxLength('Default', element.default, 150));
      error(maxLength('Placeholder', element.placeholder, 150));
      if (element.type === 'date') checkDate(element.default, findings);
      else checkDateTime(element.default, findings);
      checkDate(element.min_date, findings);
      checkDate(element.max_date, findings);
      if (element.type === 'datetime') {
        const interval = element.time_interval;
        if (interval === 0) findings.push({advisory: true, message: 'time_interval of 0 will be reset to default, 60 minutes'});
        else if (interval < 1 || interval > 1440) error(`time_interval must be between 1 and 1440 minutes, got ${interval}`);
        else if (1440 % interval !== 0) error(`time_interval must be a divisor of 1440 (24 hours * 60 minutes) to create valid time intervals, got ${interval}`);
      }
      break;
    }
    default:
      error(`invalid element type: ${goQuote(element.type)}`);
  }
  return findings;
}

/** Every finding of Dialog.IsValid; element findings are prefixed as Mattermost wraps them. */
export function dialogFindings(dialog: Dialog): DialogFinding[] {
  const findings: DialogFinding[] = [];
  if (dialog.title === '' || bytes(dialog.title) > 24) findings.push({advisory: false, message: `invalid dialog title ${goQuote(dialog.title)}`});
  if (dialog.icon_url !== '' && !isValidHttpUrl(dialog.icon_url)) findings.push({advisory: false, message: 'invalid icon url'});
  const seen = new Set<string>();
  for (const element of dialog.elements ?? []) {
    if (seen.has(element.name)) findings.push({advisory: false, message: `duplicate dialog element ${goQuote(element.name)}`});
    seen.add(element.name);
    for (const finding of elementFindings(element)) findings.push({...finding, message: `${goQuote(element.name)} field is not valid: ${finding.message}`});
  }
  return findings;
}
