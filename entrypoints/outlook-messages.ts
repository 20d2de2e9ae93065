/**
 * Outlook's message reader as a module of its own, web-accessible to Outlook's pages: the content script
 * (entrypoints/outlook-page.ts) imports it only when the sidebar asks what the open thread says or when a selection was sent. Code only,
 * no data: what it reads stays in the content script that called it. Its calls never throw (safeMessageReader).
 */
import { safeMessageReader } from '@/lib/hosts/adapter';
import { outlookMessageReader } from '@/lib/hosts/outlook';

export default defineUnlistedScript(() => safeMessageReader(outlookMessageReader));
