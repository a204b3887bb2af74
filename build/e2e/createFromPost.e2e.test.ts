import {batonClient, BRIDGE_TIMEOUT, message, openBatonPanel, taskButton} from './batonPage';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// "Create task from message" in a real browser: the post's "..." menu opens
// the Baton panel on a new task form prefilled from the message; saving it
// makes a task held by the author of the form, opened in the panel and in
// their Mine list.

const t = (id: string) => message('en', id);

describe('creating a task from a message in the browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('prefills the title with the message’s first line, creates the task, and shows it in its detail and in Mine', async () => {
    const baton = batonClient(world);
    const posted = await baton.mattermost('ivanova', 'POST', '/posts', {
      channel_id: baton.channelId('patents'),
      message: '**Client called**: claim 3 must stay\nPlease update the draft response before Friday.',
    });
    const post = (await posted.json()) as {id: string};

    const page = await world.logIn('smith');
    await withScreenshotOnFailure(page, 'baton-create-from-post', async () => {
      await page.getByTestId(`post-${post.id}`).waitFor({timeout: BRIDGE_TIMEOUT});
      await page.getByTestId(`post-menu-button-${post.id}`).click();
      await page.getByTestId(`post-menu-${post.id}`).getByRole('button', {name: t('baton.post_menu.create_task')}).click();

      const rhs = page.getByTestId('rhs-body');
      const title = rhs.getByLabel(t('baton.task_form.title'), {exact: true});
      await title.waitFor({timeout: BRIDGE_TIMEOUT});
      expect(await title.inputValue()).toBe('Client called: claim 3 must stay');
      await rhs.getByRole('button', {name: t('baton.task_form.create'), exact: true}).click();

      // The new task opens in the panel.
      const heading = rhs.getByRole('heading', {name: /Client called: claim 3 must stay/});
      await heading.waitFor({timeout: BRIDGE_TIMEOUT});
      const key = /[A-Z][A-Z0-9]*-\d+/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
      expect(key).not.toBe('');

      const created = await baton.getTask('smith', key);
      expect(created).toMatchObject({title: 'Client called: claim 3 must stay', holderId: baton.userId('smith'), sourcePostId: post.id, channelId: baton.channelId('patents')});

      await rhs.getByRole('button', {name: t('baton.detail.back')}).click();
      await openBatonPanel(page);
      await rhs.getByRole('tab', {name: t('baton.tasks.tab.mine'), exact: true}).click();
      await taskButton(rhs, key).waitFor({timeout: BRIDGE_TIMEOUT});
      await page.getByTestId('lhs-header-plugins').getByTestId('baton-counter-mine').getByText('1', {exact: true}).waitFor({timeout: BRIDGE_TIMEOUT});
    });
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});
