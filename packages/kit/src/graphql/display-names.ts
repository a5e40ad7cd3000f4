/**
 * The one rule for names people show each other (workspaces, services, mini programs): a name must
 * show something, and may not carry characters that hide or reorder text. Bidirectional controls
 * make "gpj.exe" read as "exe.jpg"; zero-width and other invisible characters make two different
 * names look identical, or a name look empty.
 */

/** Bidirectional embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, LRM, RLM, ALM). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Control characters (C0, C1: tabs, line breaks, escapes). */
const CONTROLS = /\p{Cc}/u;

/**
 * Zero-width and invisible characters that have no business in a name: zero-width space, word
 * joiner, invisible operators, BOM, Mongolian vowel separator, Hangul fillers, interlinear
 * annotation and tag characters. ZWJ and ZWNJ are allowed between visible characters only
 * (emoji sequences, Indic and Persian writing need them).
 */
const INVISIBLE_FORMAT = /[\u200B\u2060-\u2064\uFEFF\u180E\u115F\u1160\u3164\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\u034F|\u17B4|\u17B5/u;
const JOINERS = /[\u200C\u200D]/u;

/** What shows nothing on its own: white space, format characters, default-ignorable code points, the braille blank. */
const BLANK = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]$/u;

/** A name's length in code points (what a person counts), not UTF-16 units. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/**
 * Why `name` cannot be shown as a name, or null when it can. Length limits stay with each
 * subgraph's rules (counted with `codePointLength`, or the seed's CJK rule for mini programs).
 */
export function displayNameProblem(name: string): string | null {
  if (BIDI_CONTROLS.test(name)) return 'The name may not contain bidirectional control characters (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C).';
  if (CONTROLS.test(name)) return 'The name may not contain control characters such as tabs or line breaks.';
  if (INVISIBLE_FORMAT.test(name)) return 'The name may not contain zero-width or other invisible characters.';
  const characters = [...name];
  const visible = characters.map((character) => !BLANK.test(character));
  if (!visible.includes(true)) return 'The name must contain visible characters.';
  for (const [i, character] of characters.entries()) {
    if (JOINERS.test(character) && !(visible[i - 1] === true && visible[i + 1] === true)) {
      return 'The name may not contain zero-width or other invisible characters.';
    }
  }
  return null;
}
