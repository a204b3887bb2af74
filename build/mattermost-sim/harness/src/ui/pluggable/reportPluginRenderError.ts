import {harnessLog} from '../../log';

export function reportPluginRenderError(pluginId: string, error: Error): void {
    harnessLog.error(`A component of plugin "${pluginId}" threw while rendering`, error);
}
