// Bundle entry (harness/build.ts bundles this into harness/dist/main.js).
import './styles/harness.css';

import {boot} from './boot';
import {harnessLog} from './log';

const container = document.getElementById('root');
if (container) {
    boot(container).catch((error: unknown) => {
        harnessLog.error('The harness failed to start', error);
        container.textContent = `The harness failed to start: ${String(error)}`;
    });
}
