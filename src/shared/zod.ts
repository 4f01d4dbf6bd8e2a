/**
 * The one zod every schema is built with, configured before any schema exists: zod's object
 * schemas decide when they are built whether to generate a specialised parser with new Function.
 *
 * jitless: the generated parsers win in a tight loop but lose inside a real mutation, where the
 * statements between two parses leave the processor caches cold — the submit schema took
 * 100–120 µs per order with them and 47–53 µs without (median over 400 submits at 1M orders).
 * The renderer's Content-Security-Policy forbids eval as well, so there zod only probed for it.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
