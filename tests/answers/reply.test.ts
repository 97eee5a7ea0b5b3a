import { describe, expect, it } from 'vitest';
import { renderedLength } from '../../src/answers/reply.js';

describe('renderedLength counts what a renderer may escape', () => {
  it('counts plain text as it is', () => {
    expect(renderedLength('gencatan senjata')).toBe(16);
    expect(renderedLength('')).toBe(0);
  });

  it('counts inline markup twice, wherever it is', () => {
    expect(renderedLength('a *bold* and [link] <@1>')).toBe(24 + 6);
  });

  it('counts a list, heading or quote marker at the start of any line, after \\n, \\r\\n or \\r', () => {
    expect(renderedLength('- item\n  2. two\r\n# h\r> q')).toBe(24 + 4);
    expect(renderedLength('12 apples, 3) pears')).toBe(19);
    expect(renderedLength('3) pears\n\t7. plums')).toBe(18 + 2);
  });

  it('counts a marker that is also inline markup for both', () => {
    expect(renderedLength('* a')).toBe(3 + 2);
  });

  it('adds the cost of each highlight', () => {
    expect(
      renderedLength('rezim gencatan senjata', [
        [6, 14],
        [15, 22],
      ]),
    ).toBe(22 + 8);
  });
});
