import {z} from 'zod';
import {goBool, goInt, goSlice, goString} from './goJson';

// model.Dialog and model.DialogElement (server/public/model/
// integration_action.go), decoded with Go's rules and serialized in Go's
// field order (omitempty where the struct says so).

const optionSchema = z.object({text: goString, value: goString}).nullable();

/** A struct, not a pointer: JSON null (or absence) decodes to the zero value. */
const zeroWhenNull = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? {}, schema);

export const dialogElementSchema = zeroWhenNull(
  z.object({
    display_name: goString,
    name: goString,
    type: goString,
    subtype: goString,
    default: goString,
    placeholder: goString,
    help_text: goString,
    optional: goBool,
    min_length: goInt,
    max_length: goInt,
    data_source: goString,
    data_source_url: goString,
    options: goSlice(optionSchema),
    multiselect: goBool,
    refresh: goBool,
    min_date: goString,
    max_date: goString,
    time_interval: goInt,
  }),
);

export const dialogSchema = zeroWhenNull(
  z.object({
    callback_id: goString,
    title: goString,
    introduction_text: goString,
    icon_url: goString,
    elements: goSlice(dialogElementSchema),
    submit_label: goString,
    notify_on_cancel: goBool,
    state: goString,
    source_url: goString,
  }),
);

export type DialogElement = z.output<typeof dialogElementSchema>;
export type Dialog = z.output<typeof dialogSchema>;

export function presentDialogElement(element: DialogElement): Record<string, unknown> {
  return {
    display_name: element.display_name,
    name: element.name,
    type: element.type,
    subtype: element.subtype,
    default: element.default,
    placeholder: element.placeholder,
    help_text: element.help_text,
    optional: element.optional,
    min_length: element.min_length,
    max_length: element.max_length,
    data_source: element.data_source,
    ...(element.data_source_url ? {data_source_url: element.data_source_url} : {}),
    options: element.options,
    multiselect: element.multiselect,
    ...(element.refresh ? {refresh: true} : {}),
    ...(element.min_date ? {min_date: element.min_date} : {}),
    ...(element.max_date ? {max_date: element.max_date} : {}),
    ...(element.time_interval ? {time_interval: element.time_interval} : {}),
  };
}

export function presentDialog(dialog: Dialog): Record<string, unknown> {
  return {
    callback_id: dialog.callback_id,
    title: dialog.title,
    introduction_text: dialog.introduction_text,
    icon_url: dialog.icon_url,
    elements: dialog.elements ? dialog.elements.map(presentDialogElement) : null,
    submit_label: dialog.submit_label,
    notify_on_cancel: dialog.notify_on_cancel,
    state: dialog.state,
    ...(dialog.source_url ? {source_url: dialog.source_url} : {}),
  };
}
