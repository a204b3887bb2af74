import {translatorFor} from '../i18n/translate';
import {parseTaskCommand} from './grammar';
import {handleTaskCommand} from './taskCommand';

describe('/task', () => {
  const en = translatorFor('en');

  it('answers an empty command and `help` with the list of subcommands', () => {
    for (const text of ['', '  ', 'help', 'HELP  extra']) {
      expect(handleTaskCommand(text, en).text).toContain('`/task help` — this list');
    }
  });

  it('answers in the caller’s language', () => {
    expect(handleTaskCommand('help', translatorFor('ja')).text).toContain('バトンを持っているのは誰か');
    expect(handleTaskCommand('help', translatorFor('zh-TW')).text).toContain('接力棒在誰手上');
    expect(handleTaskCommand('help', translatorFor('ru')).text).toContain('у кого эстафета');
  });

  it('answers a typo with the usage line and the closest subcommand', () => {
    expect(handleTaskCommand('hlep', en).text).toBe('Unknown subcommand `hlep`. Did you mean `/task help`? Usage: `/task help`');
  });

  it('does not suggest anything for a word far from every subcommand', () => {
    expect(parseTaskCommand('frobnicate')).toEqual({kind: 'unknown', subcommand: 'frobnicate'});
    expect(handleTaskCommand('frobnicate', en).text).toBe('Unknown subcommand `frobnicate`. Usage: `/task help`');
  });
});
