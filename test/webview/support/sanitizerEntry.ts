/** Test-only bundle: exposes the panel's sanitiser so raw hostile HTML can be fed to it directly. */
import { sanitizeToFragment } from '../../../src/webview/sanitize';

(window as unknown as { sanitizeToFragment: typeof sanitizeToFragment }).sanitizeToFragment = sanitizeToFragment;
