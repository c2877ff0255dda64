import { describe, expect, it } from 'vitest';
import { progressLabel } from './import-progress.ts';

const base = {
  file: '/data/calls.csv',
  fileIndex: 1,
  fileCount: 3,
  rows: 1_021_990,
  bytesRead: 0,
  bytesTotal: 1,
  stepPercent: null,
};

describe('import progress label', () => {
  it('names the file, its place, the phase, the rows and the running step', () => {
    expect(progressLabel({ ...base, phase: 'read' })).toBe('calls.csv (2/3): reading');
    expect(progressLabel({ ...base, phase: 'validate', stepPercent: 61.6 })).toBe(
      'calls.csv (2/3): validating 1,021,990 rows, step at 62%',
    );
    expect(progressLabel({ ...base, phase: 'store', fileCount: 1, fileIndex: 0 })).toBe(
      'calls.csv: storing',
    );
    expect(progressLabel({ ...base, phase: 'done' })).toBe('calls.csv (2/3): done, 1,021,990 rows');
  });
});
