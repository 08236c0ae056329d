/**
 * Wires the panel together: validates every host message, dispatches it to the view that owns it,
 * posts the user's actions, and keeps the saved state current.
 */
import { createMarkdownRenderer } from '../core/markdown/markdownRenderer';
import { parseHostMessage, type HostMessage } from '../core/panelProtocol';
import { CodeBlockSources } from './codeBlockSources';
import { CodeBlocks } from './codeBlocks';
import { Composer } from './composer';
import { ConversationView } from './conversationView';
import type { HostChannel } from './hostChannel';
import { interceptLinks } from './linkInterceptor';
import { boundedState, readSavedState } from './savedState';
import { Toolbar } from './toolbar';

/** Saving state serialises the conversation; during a stream, at most this often. */
const SAVE_DELAY_MS = 500;
const RELOAD_REASON = 'interrupted when the panel reloaded';

type Config = Extract<HostMessage, { type: 'config' }>;

export function startPanel(root: HTMLElement, host: HostChannel): void {
  let config: Config | undefined;
  let saveTimer: number | undefined;
  let restoring = false;

  const toolbar = new Toolbar((message) => host.post(message));
  const composer = new Composer((message) => host.post(message));
  const md = createMarkdownRenderer();
  const codeBlocks = new CodeBlocks(new CodeBlockSources(md), (action, source) =>
    host.post({ type: 'codeBlockAction', action, code: source.code, ...(source.language ? { language: source.language } : {}) }),
  );
  const conversation = new ConversationView(
    md,
    {
      onErrorAction: (action, turnId) => host.post({ type: 'errorAction', action, turnId }),
      onRegenerate: (turnId) => host.post({ type: 'regenerate', turnId }),
      onRendered: () => {
        composer.setStreaming(conversation.isStreaming);
        scheduleSave();
      },
    },
    codeBlocks,
  );
  root.append(toolbar.element, conversation.element, composer.element);

  function save(): void {
    window.clearTimeout(saveTimer);
    saveTimer = undefined;
    host.setState(boundedState(config, conversation.snapshot()));
  }

  function scheduleSave(): void {
    saveTimer ??= window.setTimeout(save, SAVE_DELAY_MS);
  }

  function dispatch(message: HostMessage): void {
    switch (message.type) {
      case 'config':
        config = message;
        toolbar.applyConfig(message);
        break;
      case 'turnStarted':
        conversation.startTurn(message);
        break;
      case 'cleared':
        conversation.clear();
        break;
      default:
        if (!conversation.applyToTurn(message)) console.warn(`[grok panel] dropped ${message.type} for unknown turn ${message.turnId}`);
        if (message.type === 'turnEnded' && !restoring) save();
    }
  }

  function restore(saved: ReturnType<typeof readSavedState>): void {
    restoring = true;
    if (saved.config) dispatch(saved.config);
    for (const messages of saved.turns) {
      for (const message of messages) dispatch(message);
      const started = messages[0];
      // A turn that was streaming when the panel went away cannot resume here; the host replays it
      // (turnStarted with the same id starts it over) if it is still running.
      if (started.type === 'turnStarted' && messages[messages.length - 1].type !== 'turnEnded') {
        dispatch({ type: 'turnEnded', turnId: started.turnId, status: 'incomplete', reason: RELOAD_REASON, elapsedMs: 0 });
      }
    }
    restoring = false;
  }

  restore(readSavedState(host.getState()));

  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) {
      console.warn('[grok panel] dropped an invalid host message', parsed.error);
      return;
    }
    dispatch(parsed.message);
  });
  interceptLinks(document, (url) => host.post({ type: 'openLink', url }));
  host.post({ type: 'ready' });
}
