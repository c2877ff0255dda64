// The import benchmark's baseline, run as its own process like `cxkpi import`: DuckDB's bare
// read_csv of a CSV file into a plain table of a fresh database file, then closed (checkpointed).
// Usage: node bench/read-csv-baseline.js <csv> <database file>

import { DuckDBInstance } from '@duckdb/node-api';

const [csv, db] = process.argv.slice(2);
if (!csv || !db) throw new Error('usage: node bench/read-csv-baseline.js <csv> <database file>');
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}')`);
await connection.run('CHECKPOINT');
connection.closeSync();
instance.closeSync();
