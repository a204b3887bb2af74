import {createIntl} from 'react-intl';

import ja from '../i18n/ja.json';
import ru from '../i18n/ru.json';

import {statusLabel} from './statusLabel';

const intlOf = (locale: string, messages: Record<string, string>) => createIntl({locale, messages});

describe('statusLabel', () => {
  it('names every built-in status in the reader’s language, whatever English name the bridge sent', () => {
    const intl = intlOf('ja', ja);
    const names = ['open', 'in_progress', 'waiting', 'done', 'cancelled'].map((id) => statusLabel(intl, {id, name: 'English'}));
    expect(names).toEqual(['未着手', '対応中', '待機中', '完了', 'キャンセル']);
    expect(statusLabel(intlOf('ru', ru), {id: 'cancelled', name: 'Cancelled'})).toBe('Отменена');
  });

  it('keeps the name a channel gave its own status', () => {
    expect(statusLabel(intlOf('ja', ja), {id: 'st-review', name: '審査待ち'})).toBe('審査待ち');
    expect(statusLabel(intlOf('ja', ja), {id: 'toString', name: 'toString'})).toBe('toString');
  });
});
