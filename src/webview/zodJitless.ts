/**
 * Must be the first import of the entry point. zod compiles object parsers with `new Function` unless
 * told not to, and merely probing for it makes the panel's CSP (no 'unsafe-eval') report a violation.
 * The setting is read when schemas are constructed, so it has to run before the protocol module loads.
 */
import * as z from 'zod';

z.config({ jitless: true });
