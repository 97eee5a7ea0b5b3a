/**
 * Every response to one interaction goes through here, one at a time. The dispatcher may defer
 * (on a timer) while the command is about to reply; serializing the two means exactly one
 * initial response is sent and a later message edits the deferred one instead of failing.
 */
import { MessageFlags, RateLimitError, type RepliableInteraction } from 'discord.js';
import { RequestAbandoned } from './rest-policy.js';
import { renderNote, type RenderedMessage } from './render.js';

export class Responder {
  private queue: Promise<unknown> = Promise.resolve();
  private abandoned: RequestAbandoned | RateLimitError | null = null;

  constructor(
    private readonly interaction: RepliableInteraction,
    /** Whether the answer is private (ephemeral). Notes are always private. */
    readonly ephemeral: boolean,
  ) {}

  /** Whether Discord has had its initial response (a reply or a deferral). */
  get responded(): boolean {
    return this.interaction.replied || this.interaction.deferred;
  }

  /** Shows "thinking…" unless a response is already out. */
  defer(): Promise<void> {
    return this.enqueue(async () => {
      if (this.responded) return;
      await this.interaction.deferReply(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    });
  }

  /** The answer: the reply, or the edit of the deferred reply. */
  send(rendered: RenderedMessage): Promise<void> {
    // A miss is private even when the question was not (it cannot be once a public deferral is out).
    const { ephemeral: miss, ...message } = rendered;
    const ephemeral = this.ephemeral || miss === true;
    return this.enqueue(async () => {
      const i = this.interaction;
      if (i.deferred && !i.replied)
        await i.editReply({
          content: message.content ?? null,
          embeds: message.embeds,
          components: message.components,
          allowedMentions: message.allowedMentions,
        });
      else if (i.replied) await i.followUp({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
      else await i.reply({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    });
  }

  /** A short private note. After a deferral it replaces the "thinking…" message. */
  note(text: string): Promise<void> {
    return this.enqueue(async () => {
      const i = this.interaction;
      const note = renderNote(text);
      if (i.deferred && !i.replied)
        await i.editReply({ content: note.content ?? '', embeds: [], components: [], allowedMentions: note.allowedMentions });
      else if (i.replied) await i.followUp({ ...note, flags: MessageFlags.Ephemeral });
      else await i.reply({ ...note, flags: MessageFlags.Ephemeral });
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      // Discord will not take anything more for this interaction: do not spend a request on it.
      if (this.abandoned) throw this.abandoned;
      try {
        await step();
      } catch (error) {
        if (error instanceof RequestAbandoned || error instanceof RateLimitError) this.abandoned = error;
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
