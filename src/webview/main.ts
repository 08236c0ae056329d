/** Entry point of the chat panel webview (bundled to media/dist/panel.js). */
import './zodJitless';
import { startPanel } from './app';
import { connectToHost } from './hostChannel';

startPanel(document.getElementById('app') ?? document.body, connectToHost());
