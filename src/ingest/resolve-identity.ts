// The mapping of canonical records onto themselves (writeRecords): every field from the column
// of the same name, durations read as seconds or h:mm:ss text, naive text in the workspace zone.

import { ENTITY_FIELDS, type Entity } from '../model/fields.ts';
import type { ResolvedMapping } from './resolve-mapping.ts';

export function identityMapping(entity: Entity, timezone: string): ResolvedMapping {
  return {
    entity,
    fields: ENTITY_FIELDS[entity].map((spec) => ({
      spec,
      source: { kind: 'column', column: spec.name },
      unit: 'auto',
    })),
    timezone,
    decimal: '.',
    skipIfBlank: [],
    matches: [],
    unused: [],
  };
}
