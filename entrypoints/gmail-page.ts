/** The content script on Gmail pages (its matches are set in wxt.config.ts, from lib/hosts/matches.ts). */
import { startGlance } from '@/lib/content-script/start';
import { gmailAdapter } from '@/lib/hosts/gmail';

export default defineUnlistedScript(() => void startGlance(gmailAdapter));
