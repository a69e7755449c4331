/** A note on the numbers is short: a sentence or two an official can read out at the dispatch meeting. */
export const NOTE_MAX_LENGTH = 500;

/**
 * Characters as a reader counts them (a Chinese character, a letter or an emoji is one), after the trimming the
 * server applies: the form's live count and the server's limit agree.
 */
export function noteLength(text: string): number {
  return [...text.trim()].length;
}

/** What is wrong with a note's text, in the words the form and the API show, or null when it may be saved. */
export function noteTextProblem(text: string): string | null {
  const length = noteLength(text);
  if (length === 0) return '说明内容不能为空';
  if (length > NOTE_MAX_LENGTH) return `说明不超过 ${NOTE_MAX_LENGTH} 个字，现有 ${length} 个字`;
  return null;
}
