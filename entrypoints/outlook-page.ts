/** The content script on Outlook on the web pages (its matches are set in wxt.config.ts, from lib/hosts/matches.ts). */
import { startGlance } from '@/lib/content-script/start';
import { outlookAdapter } from '@/lib/hosts/outlook';

export default defineUnlistedScript(() => void startGlance(outlookAdapter));
