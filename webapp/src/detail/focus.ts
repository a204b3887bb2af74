// Where focus goes when the detail view closes: the task's row in the list
// (rows carry data-task-id), else the selected tab.
export function focusTaskRow(container: HTMLElement, taskId: string): void {
  const row = [...container.querySelectorAll<HTMLElement>('[data-task-id]')].find((element) => element.dataset.taskId === taskId);
  const target = row ?? container.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  target?.focus();
}
