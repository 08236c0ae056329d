/**
 * Contribution ids used from code. package.json must declare exactly these (test/unit/contributions.test.ts
 * compares both ways), so a renamed command or setting cannot silently break a menu or a read.
 */
export const COMMANDS = {
  explain: 'grok.explainSelection',
  fix: 'grok.fixSelection',
  refactor: 'grok.refactorSelection',
  tests: 'grok.writeTests',
  document: 'grok.documentSelection',
  ask: 'grok.askAboutSelection',
  openChat: 'grok.openChat',
  stop: 'grok.stopResponse',
  newChat: 'grok.newChat',
  toggleWebSearch: 'grok.toggleWebSearch',
  setApiKey: 'grok.setApiKey',
  clearApiKey: 'grok.clearApiKey',
  inlineFix: 'grok.inlineFix.fix',
  inlineRewrite: 'grok.inlineFix.rewrite',
  acceptInlineFix: 'grok.inlineFix.accept',
  rejectInlineFix: 'grok.inlineFix.reject',
  lintWorkspace: 'grok.lintWorkspace',
} as const;

/** Every `grok.*` setting the extension reads. */
export const SETTING_KEYS = [
  'grok.baseUrl',
  'grok.model',
  'grok.requestTimeoutSeconds',
  'grok.idleTimeoutSeconds',
  'grok.maxRetries',
  'grok.contextLines',
  'grok.maxSelectionChars',
  'grok.webSearch',
  'grok.inlineFix.preview',
  'grok.schemaLint.enabled',
] as const;

export const CHAT_VIEW_TYPE = 'grok.chat';
