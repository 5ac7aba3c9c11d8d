import { describe, expect, it } from 'vitest';
import { parseProvisionJson, parseRunsListing } from '../../soak/cli-process';

describe('reading the CLI’s output in the soak', () => {
  it('reads `tss-companion runs` lines and skips the advice lines under them', () => {
    const stdout = [
      '0f8fad5b-d9cb-469f-a165-70867728950e  failed     sandbox  soak-s1-r4 at clients',
      '    next: tss-companion runs resume 0f8fad5b-d9cb-469f-a165-70867728950e --sandbox',
      '7c9e6679-7425-40de-944b-e07fc1f90ae7  done       test     soak-s1-r5',
    ].join('\n');
    expect(parseRunsListing(stdout)).toEqual([
      { runId: '0f8fad5b-d9cb-469f-a165-70867728950e', status: 'failed', storeName: 'soak-s1-r4' },
      { runId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', status: 'done', storeName: 'soak-s1-r5' },
    ]);
  });

  it('reads provision --json reports, and nothing from a cut-off or missing report', () => {
    expect(parseProvisionJson('[{"runId":"r","storeName":"s","status":"done","tssId":"t","clients":[]}]')).toHaveLength(1);
    expect(parseProvisionJson('[{"runId":"r",')).toBeNull();
    expect(parseProvisionJson('')).toBeNull();
  });
});
