import { it } from 'vitest';
import { useSeededApp } from './fixture.test-helper.ts';
const { app } = useSeededApp();
it('smoke', async () => {
  const o = await app().inject({ url: '/api/openapi.json' });
  const doc = o.json();
  for (const [p, v] of Object.entries(doc.paths)) console.log(p, Object.keys(v as object));
  console.log(JSON.stringify(doc.paths['/api/v1/kpis'].get.parameters, null, 1).slice(0, 3000));
  console.log(JSON.stringify(doc.paths['/api/v1/kpis.csv'].get.responses, null, 1).slice(0, 1500));
});
