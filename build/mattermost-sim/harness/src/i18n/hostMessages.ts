// The harness's own UI strings. Only English is provided: in other locales
// react-intl shows these English defaults, while plugin strings follow the locale.
export const hostMessagesEn: Record<string, string> = {
    'post_info.message.visible': '(Only visible to you)',
    'post_message_view.deleted': '(message deleted)',
    'interactive_dialog.submit': 'Submit',
    'interactive_dialog.cancel': 'Cancel',
    'interactive_dialog.field_required': 'This field is required.',
};
