/** The content script on Salesforce pages (its matches are set in wxt.config.ts, from lib/hosts/matches.ts). */
import { startGlance } from '@/lib/content-script/start';
import { salesforceAdapter } from '@/lib/hosts/salesforce';

export default defineUnlistedScript(() => void startGlance(salesforceAdapter));
