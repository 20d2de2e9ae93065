/** The content script on Hubspot pages (its matches are set in wxt.config.ts, from lib/hosts/matches.ts). */
import { startGlance } from '@/lib/content-script/start';
import { hubspotAdapter } from '@/lib/hosts/hubspot';

export default defineUnlistedScript(() => void startGlance(hubspotAdapter));
