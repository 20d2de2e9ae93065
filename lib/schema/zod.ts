/**
 * The one place Glance imports zod: every schema module imports `z` from here, so this runs before any
 * schema is built in every bundle (background, options, popup, sidebar). Jitless because extension pages
 * forbid eval (MV3 CSP, Firefox review): zod's compiled fast path would need `new Function`, and zod
 * decides on it when an object schema is constructed, so the switch must come first.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
