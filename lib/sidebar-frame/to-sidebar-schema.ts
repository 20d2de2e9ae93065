/** What the content script may tell the sidebar, checked before the sidebar acts on any of it. */
import { z } from '../schema/zod';
import { pageContextSchema, pageMessagesSchema, pageTimeSchema } from '../messages/page-context-schema';
import { MAX_TOKEN_LENGTH, type ToSidebar } from '../messages/frame';

const seed = z.object({ text: z.string().max(5000), sentAt: z.string().max(64).optional(), sent: pageTimeSchema.optional() });

export const toSidebarSchema = z.union([
  z.object({ type: z.literal('context'), context: pageContextSchema }),
  z.object({ type: z.literal('navigating') }),
  z.object({ type: z.literal('open-promise-form'), seed }),
  z.object({ type: z.literal('selection'), requestId: z.number(), seed }),
  z.object({ type: z.literal('collapsed'), collapsed: z.boolean() }),
  z.object({ type: z.literal('host-theme'), backgrounds: z.array(z.string().max(100)).max(2) }),
  z.object({ type: z.literal('messages'), requestId: z.number(), messages: pageMessagesSchema }),
  z.object({ type: z.literal('registration'), token: z.string().min(1).max(MAX_TOKEN_LENGTH) }),
  z.object({ type: z.literal('registration-failed'), reason: z.string().max(500) }),
]) satisfies z.ZodType<ToSidebar>;
