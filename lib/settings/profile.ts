/** The user's own company: its email domains never match a customer account by domain. */
import { z } from '../schema/zod';

export const profileSchema = z.object({
  ownDomains: z.array(z.string().min(1).max(253)).max(50),
  /** Her email and CRM user names: the accounts whose owner is one of them are "my accounts" in the book. */
  me: z.array(z.string().min(1).max(200)).max(10).optional(),
  /** Light, dark, or `auto`: the host page's theme where Glance sits on one, else the system's. */
  theme: z.enum(['auto', 'light', 'dark']).optional(),
});
export type Profile = z.infer<typeof profileSchema>;
