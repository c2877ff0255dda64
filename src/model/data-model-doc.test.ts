import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataModelMarkdown } from './data-model-doc.ts';

describe('docs/data-model.md', () => {
  it('is in sync with src/model/fields.ts (regenerate with npm run docs)', () => {
    expect(readFileSync(new URL('../../docs/data-model.md', import.meta.url), 'utf8')).toBe(
      dataModelMarkdown(),
    );
  });
});
