/**
 * What `/discuss` and `/claim` do on Discord. Each function reads what it needs from the
 * interaction, asks the discussion core, writes once to the store and returns what to answer;
 * the command files only pick the function.
 */
import { ButtonStyle, ChannelType, type ChatInputCommandInteraction, type GuildMember, type Interaction } from 'discord.js';
import type { Locale } from '../../knowledge/model.js';
import { checkClaim, claimCard, claimRefusal, type ClaimCheck } from '../../discussions/claim.js';
import {
  assignRoles,
  cleanDisplayName,
  guidingQuestion,
  MAX_MINUTES,
  stanceOptionsFor,
  type RoleMode,
} from '../../discussions/discussion.js';
import { dt } from '../../discussions/messages.js';
import type { Discussion, Member } from '../../discussions/model.js';
import { actorLabel, buildBriefing, buildPrompt } from '../../discussions/prompt.js';
import { findScenario, previewDiscussion } from '../../discussions/preview.js';
import { truncate } from '../../text.js';
import { escapeDiscordText, renderReply, type RenderedMessage } from '../render.js';
import { button, isTeacher, row, withMentions, type DiscussionEdge, type UploadFile } from './edge.js';
import { studentMark } from '../../discussions/marks.js';

/** What a discussion command answers: a private note, or a message (possibly with files). */
export type DiscussionAnswer =
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'message'; readonly message: RenderedMessage; readonly files?: readonly UploadFile[] };

export const note = (text: string): DiscussionAnswer => ({ kind: 'note', text });

/** The name a student goes by in this server, for the teacher's export. */
export function memberOf(interaction: Interaction): Member {
  const member = interaction.member as GuildMember | { nick?: string | null } | null;
  const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? null);
  return cleanDisplayName({ userId: interaction.user.id, displayName: nick ?? interaction.user.globalName ?? interaction.user.username });
}

/**
 * Saves a checked claim under the student's role in the discussion (if any) and returns the
 * claim card to post in the thread. `messageId` is the student's message it cites, if any.
 */
export function recordClaim(
  edge: DiscussionEdge,
  discussion: Discussion,
  interaction: Interaction,
  check: ClaimCheck & { ok: true },
  messageId: string | null,
): RenderedMessage {
  const member = memberOf(interaction);
  const actorId = edge.store.record(discussion.id)?.participants.find((p) => p.userId === member.userId)?.actorId ?? null;
  edge.store.addClaim(discussion.id, {
    ...member,
    text: check.text,
    passageId: check.passage.id,
    messageId,
    actorId,
    createdAt: edge.now(),
  });
  const card = claimCard(
    edge.knowledge.current,
    { text: check.text, passage: check.passage, actorId },
    studentMark(member.userId),
    discussion.locale,
  );
  return withMentions(renderReply(card, 0));
}

function roleIdsOf(interaction: Interaction): string[] {
  const roles = (interaction.member as { roles?: unknown } | null)?.roles;
  if (Array.isArray(roles)) return roles.map(String);
  const cache = (roles as { cache?: Map<string, unknown> } | undefined)?.cache;
  return cache ? [...cache.keys()] : [];
}

/** Refusal note for someone who is not a teacher, or null. */
export function teacherRefusal(edge: DiscussionEdge, interaction: Interaction, locale: Locale, sub: string): string | null {
  if (!interaction.inGuild()) return dt(locale, 'note.guildOnly');
  return isTeacher(interaction.memberPermissions, roleIdsOf(interaction), edge.teacherRoleId)
    ? null
    : dt(locale, 'note.notModerator', { sub });
}

const THREAD_TYPES = new Set([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

/** Where a new discussion goes: the channel itself, or the parent when the command came from a thread. */
async function parentOf(edge: DiscussionEdge, channelId: string): Promise<{ id: string; type: ChannelType }> {
  const channel = await edge.channel(channelId);
  if (THREAD_TYPES.has(channel.type) && 'parent_id' in channel && channel.parent_id) {
    const parent = await edge.channel(channel.parent_id);
    return { id: parent.id, type: parent.type };
  }
  return { id: channel.id, type: channel.type };
}

export function promptMessage(
  edge: DiscussionEdge,
  discussion: Pick<Discussion, 'id' | 'locale'>,
  rendered: RenderedMessage,
): RenderedMessage {
  const l = discussion.locale;
  return {
    ...rendered,
    components: [
      row(
        button(edge.customId({ kind: 'join', discussionId: discussion.id }), dt(l, 'button.join'), ButtonStyle.Primary),
        button(edge.customId({ kind: 'stance', discussionId: discussion.id, phase: 'before' }), dt(l, 'button.stance')),
      ),
    ],
  };
}

/** `/discuss start scenario [question] [minutes]`. */
export async function startDiscussion(
  edge: DiscussionEdge,
  interaction: ChatInputCommandInteraction,
  locale: Locale,
): Promise<DiscussionAnswer> {
  const kb = edge.knowledge.current;
  const query = interaction.options.getString('scenario') ?? '';
  const scenario = findScenario(kb, query);
  if (!scenario)
    return note(
      dt(locale, 'note.unknownScenario', {
        query: escapeDiscordText(truncate(query, 60)),
        known: kb.scenarios.map((s) => s.id).join(', '),
      }),
    );
  const minutes = interaction.options.getInteger('minutes');
  const question = guidingQuestion(scenario, interaction.options.getString('question'), locale);
  const parent = await parentOf(edge, interaction.channelId);
  const prompt = buildPrompt(kb, scenario, question, locale, minutes);
  const now = edge.now();
  // The buttons carry the discussion's id, which exists only once the thread does: the thread
  // opens first (a forum post must open with a message: the prompt's first page), then the
  // rest of the prompt follows, the buttons on its last message.
  const pages = prompt.pages.map((_, page) => renderReply(prompt, page));
  const forum = parent.type === ChannelType.GuildForum || parent.type === ChannelType.GuildMedia;
  let threadId: string;
  try {
    threadId = await edge.openThread(parent.id, parent.type, truncate(scenario.title[locale], 100), pages[0] ?? renderReply(prompt, 0));
  } catch (err) {
    return note(dt(locale, 'note.cannotCreateThread', { reason: err instanceof Error ? truncate(err.message, 100) : 'error' }));
  }
  const started = edge.store.start({
    guildId: interaction.guildId ?? '',
    channelId: parent.id,
    threadId,
    scenarioId: scenario.id,
    question,
    stanceOptions: stanceOptionsFor(scenario),
    locale,
    startedBy: interaction.user.id,
    startedAt: now,
    remindAt: minutes !== null ? now + Math.min(Math.max(1, minutes), MAX_MINUTES) * 60_000 : null,
  });
  if (!started.ok) return note(dt(locale, 'note.alreadyOpen', { scenario: started.discussion.scenarioId }));
  const rest = forum ? pages.slice(1) : pages;
  const last = rest.pop() ?? { content: '', embeds: [], components: [], allowedMentions: { parse: [] } };
  for (const page of rest) await edge.post(threadId, page);
  await edge.post(threadId, promptMessage(edge, started.discussion, last));
  return note(dt(locale, 'note.started', { thread: threadId }));
}

/** `/discuss roles [mode] [student] [actor]`, in the discussion's thread. */
export async function giveRoles(edge: DiscussionEdge, interaction: ChatInputCommandInteraction, locale: Locale): Promise<DiscussionAnswer> {
  const discussion = edge.store.openInThread(interaction.channelId);
  if (!discussion) return note(dt(locale, 'note.noDiscussionHere'));
  const kb = edge.knowledge.current;
  const scenario = kb.scenarios.find((s) => s.id === discussion.scenarioId);
  const actors = scenario?.actors ?? [];
  if (actors.length === 0) return note(dt(locale, 'roles.noActors'));
  const student = interaction.options.getUser('student');
  const actorText = interaction.options.getString('actor');
  const now = edge.now();
  if (student !== null || actorText !== null) {
    if (student === null || actorText === null) return note(dt(locale, 'note.roleNeedsBoth'));
    const actorId = actors.find(
      (id) =>
        id === actorText.trim() ||
        actorLabel(kb, id, 'en').toLowerCase() === actorText.trim().toLowerCase() ||
        actorLabel(kb, id, 'id').toLowerCase() === actorText.trim().toLowerCase(),
    );
    if (!actorId)
      return note(dt(locale, 'note.unknownActor', { actor: escapeDiscordText(truncate(actorText, 60)), known: actors.join(', ') }));
    const member = interaction.options.getMember('student') as GuildMember | { nick?: string | null } | null;
    const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? null);
    const named = cleanDisplayName({ userId: student.id, displayName: nick ?? student.globalName ?? student.username });
    edge.store.assignRoles(discussion.id, [{ ...named, actorId, source: 'teacher' }], now);
    await postRoles(edge, discussion);
    const delivered = await sendBriefings(edge, discussion, [{ userId: student.id, actorId }]);
    return note(
      `${dt(locale, 'note.roleSet', { student: `<@${student.id}>`, actor: escapeDiscordText(actorLabel(kb, actorId, locale)) })} ${dt(locale, 'note.briefingsSent', { sent: delivered, count: 1 })}`,
    );
  }
  const mode: RoleMode = interaction.options.getString('mode') === 'random' ? 'random' : 'balanced';
  const record = edge.store.record(discussion.id);
  const participants = record?.participants ?? [];
  if (participants.length === 0) return note(dt(locale, 'roles.none'));
  const given = assignRoles(participants, actors, mode, edge.random);
  if (given.length === 0) return note(dt(locale, 'note.rolesUnchanged'));
  const names = new Map(participants.map((p) => [p.userId, p.displayName]));
  edge.store.assignRoles(
    discussion.id,
    given.map((g) => ({ ...g, displayName: names.get(g.userId) ?? g.userId })),
    now,
  );
  await postRoles(edge, discussion);
  const delivered = await sendBriefings(edge, discussion, given);
  return note(
    `${dt(locale, 'note.rolesGiven', { count: given.length, mode })} ${dt(locale, 'note.briefingsSent', { sent: delivered, count: given.length })}`,
  );
}

/**
 * Each newly assigned student's briefing, by direct message; how many arrived. A student who
 * does not accept direct messages presses **My briefing** in the thread instead (same briefing,
 * in their own language).
 */
async function sendBriefings(
  edge: DiscussionEdge,
  discussion: Discussion,
  given: readonly { userId: string; actorId: string }[],
): Promise<number> {
  const kb = edge.knowledge.current;
  const scenario = kb.scenarios.find((s) => s.id === discussion.scenarioId);
  if (!scenario) return 0;
  let delivered = 0;
  for (const { userId, actorId } of given) {
    if (await edge.directMessage(userId, renderReply(buildBriefing(kb, scenario, actorId, discussion.locale), 0))) delivered += 1;
  }
  return delivered;
}

/** The roles list in the thread, with the button each student presses for their private briefing. */
async function postRoles(edge: DiscussionEdge, discussion: Discussion): Promise<void> {
  const kb = edge.knowledge.current;
  const l = discussion.locale;
  const participants = edge.store.record(discussion.id)?.participants ?? [];
  const lines = participants
    .filter((p) => p.actorId !== null)
    .map((p) => dt(l, 'roles.line', { student: `<@${p.userId}>`, actor: escapeDiscordText(actorLabel(kb, p.actorId as string, l)) }));
  const description = truncate([dt(l, 'roles.intro'), '', ...lines].join('\n'), 4000);
  await edge.post(discussion.threadId, {
    embeds: [{ title: dt(l, 'roles.title'), description, color: 0x0072b2 }],
    components: [row(button(edge.customId({ kind: 'brief', discussionId: discussion.id }), dt(l, 'button.briefing'), ButtonStyle.Primary))],
    allowedMentions: { parse: [] },
  });
}

/** `/discuss preview scenario`: the prompt, privately, as the thread would show it. */
export function previewPrompt(edge: DiscussionEdge, interaction: ChatInputCommandInteraction, locale: Locale): DiscussionAnswer {
  const kb = edge.knowledge.current;
  const query = interaction.options.getString('scenario') ?? '';
  const preview = previewDiscussion(kb, query, interaction.options.getString('question'), locale);
  if (!preview.ok)
    return note(dt(locale, 'note.unknownScenario', { query: escapeDiscordText(truncate(query, 60)), known: preview.known.join(', ') }));
  return { kind: 'message', message: renderReply(preview.prompt, 0) };
}

/** `/claim text passage`: the claim card in the thread, or a private refusal. */
export function makeClaim(edge: DiscussionEdge, interaction: ChatInputCommandInteraction, locale: Locale): DiscussionAnswer {
  const discussion = edge.store.openInThread(interaction.channelId);
  if (!discussion) return note(dt(locale, 'note.noDiscussionHere'));
  const kb = edge.knowledge.current;
  const check = checkClaim(kb, interaction.options.getString('text'), interaction.options.getString('passage'));
  if (!check.ok) return note(claimRefusal(check, locale));
  return { kind: 'message', message: recordClaim(edge, discussion, interaction, check, null) };
}
