import { describe, expect, it } from 'vitest';
import { failingExecutionCount, splitFrames } from './error-frames';

describe('splitFrames', () => {
  it('finds cell frames', () => {
    expect(splitFrames('    at f (In[3]:2:9)')).toEqual([
      '    at f (',
      { text: 'In[3]:2:9', executionCount: 3, line: 2, column: 9 },
      ')',
    ]);
    expect(splitFrames('no frames')).toEqual(['no frames']);
  });
});

describe('failingExecutionCount', () => {
  it('is the largest count in the trace', () => {
    const trace = ['TypeError: x', '    at g (In[2]:5:1)', '    at In[7]:1:1', 'In[4]:1:1'];
    expect(failingExecutionCount(trace)).toBe(7);
    expect(failingExecutionCount(['Error: nothing'])).toBeNull();
  });
});
