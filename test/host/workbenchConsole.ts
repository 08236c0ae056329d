// Turns what the workbench hands `window.codeAutomationLog` into terminal lines. In a test run the
// workbench forwards the extension host's console (mocha's report) through the same logger as its
// own chatter, with nothing to tell them apart, so known start-up noise is dropped by pattern.
import { format } from 'node:util';

/** One line for the terminal, or undefined when it is known noise. */
export interface ConsoleLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Workbench lifecycle and offline-network messages that say nothing about the tests. */
const knownNoise: readonly RegExp[] = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[(AgentHost|AccountPolicyGate|ChatModelSelection)/,
  // No internet: the workbench's extension gallery does not resolve.
  /getaddrinfo ENOTFOUND open-vsx\.org/,
  // code-server ships no GitHub authentication extension; the extensions view asks for it anyway.
  /^Timed out waiting for authentication provider 'github'/,
];

/**
 * Formats a `codeAutomationLog(level, args)` call like Node's console would (`%s`, `%d`, objects).
 * With `verbose` nothing is dropped.
 */
export function toConsoleLine(level: string, args: unknown, verbose: boolean): ConsoleLine | undefined {
  const values = Array.isArray(args) ? args : [args];
  const text = format(...values);
  if (!verbose && knownNoise.some((pattern) => pattern.test(text))) return undefined;
  return { stream: level === 'error' || level === 'warn' ? 'stderr' : 'stdout', text };
}
