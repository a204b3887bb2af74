// Opens Baton's right-hand sidebar on a list or a task, for entry points
// other than the App Bar (sidebar counters, the `/task` hook): records the
// request in the rhs slice, where the panel reads it, then dispatches the
// host's showRHSPlugin (a plain action; it keeps an open panel open).
import type {HostStore, RhsRegistration} from '../plugin/hostTypes';
import {panelFormOpened, rhsListRequested, rhsTaskRequested} from '../state/rhsSlice';
import type {PanelForm, RhsList} from '../state/rhsSlice';

export type RhsOpener = {
  /** The registration the host returned; before it, requests are recorded but nothing opens. */
  attach(rhs: RhsRegistration): void;
  showList(list: RhsList): void;
  showTask(key: string): void;
  /** Opens the panel on a form ("Create task from message"). */
  openForm(form: PanelForm): void;
};

export function createRhsOpener(store: HostStore): RhsOpener {
  let registration: RhsRegistration | null = null;
  const show = () => {
    if (registration) {
      store.dispatch(registration.showRHSPlugin);
    }
  };
  return {
    attach(rhs) {
      registration = rhs;
    },
    showList(list) {
      store.dispatch(rhsListRequested(list));
      show();
    },
    showTask(key) {
      store.dispatch(rhsTaskRequested(key));
      show();
    },
    openForm(form) {
      store.dispatch(panelFormOpened(form));
      show();
    },
  };
}
