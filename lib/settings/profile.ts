/** The user's own company: its email domains never match a customer account by domain. */
import { z } from '../schema/zod';

export const profileSchema = z.object({ ownDomains: z.array(z.string().min(1).max(253)).max(50) });
export type Profile = z.infer<typeof profileSchema>;
