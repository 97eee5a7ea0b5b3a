/**
 * A reply as terminal text: what a person reads in the local console.
 */
import { t } from '../i18n.js';
import { citationLabel, type Reply } from '../answers/reply.js';

/** Undoes Markdown escapes and shows `**bold**` as bold on a terminal (or as-is when `color` is off). */
export function plainText(markdown: string, color: boolean): string {
  const bolded = color ? markdown.replace(/\*\*([\s\S]+?)\*\*/g, '\u001b[1m$1\u001b[22m') : markdown;
  return bolded.replace(/\\([\\*_`~|>[\]()#<@:-])/g, '$1');
}

/** Renders every page of a reply. */
export function renderReply(reply: Reply, options: { readonly color?: boolean } = {}): string {
  const color = options.color ?? false;
  const out: string[] = [];
  const title = plainText(reply.title, false);
  out.push(color ? `\u001b[1m${title}\u001b[22m` : title, '='.repeat(Math.min(title.length, 72)));
  reply.pages.forEach((page, p) => {
    if (reply.pages.length > 1) out.push('', `— ${t(reply.locale, 'footer.page', { page: p + 1, pages: reply.pages.length })} —`);
    if (page.intro) out.push(plainText(page.intro, color));
    for (const section of page.sections) {
      out.push('', `▸ ${plainText(section.heading, color)}`);
      out.push(plainText(section.body, color));
      for (const citation of section.citations) out.push(`  — ${citationLabel(citation)}${citation.url ? ` <${citation.url}>` : ''}`);
    }
  });
  if (reply.suggestions.length > 0) out.push('', reply.suggestions.map((s) => `→ ${s.label}: ${s.command}`).join('\n'));
  if (reply.footer) out.push('', plainText(reply.footer, false));
  return out.join('\n');
}
