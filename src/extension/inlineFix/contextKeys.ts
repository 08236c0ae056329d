/**
 * Names package.json refers to (menus' `when` clauses) and code sets; kept free of `vscode` imports so
 * the contribution test can compare them with package.json in plain Node.
 */

/** True while the active editor tab is the diff of a pending Grok proposal: shows Accept / Reject. */
export const INLINE_FIX_PREVIEW_CONTEXT_KEY = 'grok.inlineFixPreview';

/** Scheme of the read-only proposal documents shown on the right of the diff. */
export const PROPOSAL_SCHEME = 'grok-proposal';

/** `grok.inlineFix.preview`: show the diff before applying (default true). */
export const PREVIEW_SETTING = 'inlineFix.preview';
