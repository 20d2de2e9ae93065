/**
 * Column mappings a user confirmed for a CSV layout Glance did not know, remembered by the file's
 * header row so the next export with the same columns imports without asking again.
 */
import type { Handlers } from '../messages/server';
import { z } from '../schema/zod';
import type { ServiceDeps } from './handlers';

const PREFIX = 'import-mapping:';

export const columnChoicesSchema = z.array(z.string().min(1).max(100)).min(1).max(500);

export function createImportMappingHandlers({ db }: ServiceDeps): Pick<Handlers, 'import.mapping.get' | 'import.mapping.save'> {
  return {
    'import.mapping.get': async ({ headerKey }) => {
      const row = await db.settings.get(PREFIX + headerKey);
      const parsed = columnChoicesSchema.safeParse(row?.value);
      // A stored mapping that no longer validates is as good as none: the user is asked again.
      return parsed.success ? parsed.data : null;
    },
    'import.mapping.save': async ({ headerKey, choices }) => {
      await db.settings.put({ key: PREFIX + headerKey, value: choices });
      return null;
    },
  };
}
