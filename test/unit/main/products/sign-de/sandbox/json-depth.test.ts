import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonDepthExceeds } from '../../../../../../main/products/sign-de/sandbox/server';

describe('jsonDepthExceeds', () => {
  it('measures objects and arrays, and stops at the limit', () => {
    expect(MAX_JSON_DEPTH).toBe(32);
    expect(jsonDepthExceeds('[[[1]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[1]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":[{"b":{}}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":{}}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('[]'.repeat(100), 1)).toBe(false);
  });

  it('ignores brackets in strings, escaped quotes included', () => {
    expect(jsonDepthExceeds('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[","b":1}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
  });
});
