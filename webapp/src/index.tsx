// Bundle entry. The host expects registerPlugin to be called synchronously
// while this script runs.
import iconSvg from '../../assets/baton.svg';

import manifest from './manifest';
import {Plugin} from './plugin/plugin';

window.registerPlugin(manifest.id, new Plugin({iconSvg}));
