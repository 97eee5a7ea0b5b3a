/**
 * Marks for students in a reply's plain text.
 */

/**
 * A student, marked in a reply's plain text so that the Discord edge can show a mention there
 * (which the renderer's escaping would otherwise turn into plain text). Private-use characters
 * that no student's text keeps (`withoutMarks` removes them from input).
 */
export function studentMark(userId: string): string {
  return `\uE000${userId}\uE001`;
}

/** Finds the marks `studentMark` makes; group 1 is the user id. */
export const STUDENT_MARK = /\uE000(\d{1,20})\uE001/g;

/** Text with any student marks removed: for whatever a user typed. */
export function withoutMarks(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}
