import {AppError, errors} from '../errors';
import {translatorFor} from './translate';
import {errorText} from './errorText';

// A refusal in a command reply is in the caller's language when the catalog
// knows the error's id, and in the service's English otherwise.

describe('errorText', () => {
  it('translates by the error’s id, filling in the task key the command named', () => {
    expect(errorText(errors.taskNotFound('PAT-9'), translatorFor('ru'), {key: 'PAT-9'})).toBe('Задача PAT-9 не найдена или недоступна вам.');
    expect(errorText(errors.forbidden('accept', 'Only the holder of a task can accept it.'), translatorFor('zh-TW'))).toBe('只有任務的負責人可以接受任務。');
  });

  it('fills placeholders from the error’s details', () => {
    expect(errorText(errors.invalidRequest([{field: 'reason', message: 'is required'}]), translatorFor('ja'))).toBe('入力値が正しくありません（reason）。');
  });

  it('keeps the English message for an id the catalog does not know', () => {
    const error = errors.conflict('template_name', 'A template named “OA” exists already.');
    expect(errorText(error, translatorFor('ja'))).toBe('A template named “OA” exists already.');
  });

  it('keeps the English message when the reply cannot fill the translation’s placeholders', () => {
    const error = new AppError(404, 'baton.not_found.task', 'No task 7f3c that you can see.');
    expect(errorText(error, translatorFor('ja'))).toBe('No task 7f3c that you can see.');
  });
});
