import { PermissionsBitField, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeDiscussionId, encodeDiscussionId } from '../../src/discord/discussions/custom-ids.js';
import { isTeacher, withMentions } from '../../src/discord/discussions/edge.js';
import { PageIdKeys } from '../../src/discord/custom-id.js';
import { studentMark } from '../../src/discussions/marks.js';
import { checkClaim } from '../../src/discussions/claim.js';
import { knowledge } from '../support/knowledge.js';

const TEACHER_ROLE = '500000000000000005';
const member = new PermissionsBitField([PermissionFlagsBits.SendMessages, PermissionFlagsBits.UseApplicationCommands]);
const manager = new PermissionsBitField([PermissionFlagsBits.ManageGuild]);

describe('who may run discussions', () => {
  it('is Manage Server, or the TEACHER_ROLE_ID role when one is set', () => {
    expect(isTeacher(manager, [], null)).toBe(true);
    expect(isTeacher(member, [TEACHER_ROLE], TEACHER_ROLE)).toBe(true);
    expect(isTeacher(member, [TEACHER_ROLE], null)).toBe(false);
    expect(isTeacher(member, ['600000000000000006'], TEACHER_ROLE)).toBe(false);
    expect(isTeacher(null, [], TEACHER_ROLE)).toBe(false);
  });
});

const keys = new PageIdKeys('a-button-secret-for-the-tests-0123456789');

describe('discussion custom ids', () => {
  it('round-trip, and stay within 100 characters', () => {
    const ids = [
      { kind: 'join', discussionId: 12 },
      { kind: 'stance', discussionId: 12, phase: 'after' },
      { kind: 'pick', discussionId: 999_999_999_999, phase: 'before', optionKey: 'disagree' },
      { kind: 'brief', discussionId: 3 },
      { kind: 'cite', discussionId: 3, messageId: '100000000000000501' },
    ] as const;
    for (const id of ids) {
      const encoded = encodeDiscussionId(id, keys);
      expect(encoded.length).toBeLessThanOrEqual(100);
      expect(decodeDiscussionId(encoded, keys)).toEqual(id);
      expect(decodeDiscussionId(encoded, new PageIdKeys('another-secret-of-another-bot-0123456'))).toBeUndefined();
    }
  });

  it('refuse anything malformed instead of guessing', () => {
    for (const bad of [
      'dz|join',
      'dz|join|x',
      'dz|pick|1|during|agree',
      'dz|pick|1|before|AGREE!',
      'dz|cite|1|12',
      'dz|join|1|extra',
      'p1|actor|0|1|x',
    ]) {
      expect(decodeDiscussionId(`${bad}|${keys.sign(bad)}`, keys)).toBeUndefined();
    }
  });

  it('refuse an id whose signature does not match, e.g. another discussion’s number put in by hand', () => {
    const real = encodeDiscussionId({ kind: 'join', discussionId: 12 }, keys);
    expect(decodeDiscussionId(real.replace('|12|', '|13|'), keys)).toBeUndefined();
    expect(decodeDiscussionId('dz|join|12', keys)).toBeUndefined();
  });
});

describe('student mentions', () => {
  it('become mentions only where the edge marked a student, never from what a student typed', async () => {
    const kb = await knowledge();
    const typed = checkClaim(kb, `look \uE000100000000000000099\uE001 <@100000000000000099>`, 'nagorno-karabakh-2020#9');
    expect(typed.ok && typed.text).toBe('look 100000000000000099 <@100000000000000099>');
    const rendered = withMentions({
      embeds: [
        {
          title: `T ${studentMark('1')}`,
          description: `${studentMark('100000000000000021')} said \\<\\@100000000000000099>`,
          fields: [{ name: 'x', value: studentMark('7') }],
        },
      ],
      components: [],
      allowedMentions: { parse: [] },
    });
    expect(rendered.embeds[0]).toEqual({
      title: 'T ',
      description: '<@100000000000000021> said \\<\\@100000000000000099>',
      fields: [{ name: 'x', value: '<@7>' }],
    });
  });
});
