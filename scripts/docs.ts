// Regenerates the generated parts of docs/ from the code (npm run docs).
import { writeFileSync } from 'node:fs';
import { dataModelMarkdown } from '../src/model/data-model-doc.ts';

writeFileSync(new URL('../docs/data-model.md', import.meta.url), dataModelMarkdown());
console.log('wrote docs/data-model.md');
