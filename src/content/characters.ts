// Characters that no output may carry: what XML 1.0 forbids (its Char production) — C0 controls other
// than tab, line feed and carriage return, U+FFFE, U+FFFF — and unpaired UTF-16 surrogates, which no
// UTF-8 file can hold and which encoders turn into U+FFFD. The content checks refuse them in every text
// field (so the author hears of it, with file and field), and the XML writer drops them (defence in depth).

/** One forbidden character; `g` so callers can replace every one. Not `u`: surrogates must be seen alone. */
export const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The first forbidden character in `text`: its 1-based position and its code point as U+XXXX, or null. */
export function forbiddenCharacter(text: string): { position: number; codePoint: string } | null {
  FORBIDDEN_CHARACTERS.lastIndex = 0;
  const match = FORBIDDEN_CHARACTERS.exec(text);
  FORBIDDEN_CHARACTERS.lastIndex = 0;
  if (!match) return null;
  return {
    position: match.index + 1,
    codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  };
}

/** What the check says is expected instead. */
export const PRINTABLE_TEXT =
  "text without control characters (U+0000–U+001F other than tab and line breaks), U+FFFE, U+FFFF or unpaired surrogates, which feeds cannot carry";

/**
 * Every string (and mapping key) in a parsed data value, with its key path, so a check can name the
 * field. Iterative, so a deeply nested file cannot overflow the stack.
 */
export function* stringsIn(value: unknown): Generator<{ path: (string | number)[]; text: string }> {
  // Each step keeps only its own key and its parent, so the walk costs O(size) however deep; a path
  // is spelled out only for a string that is yielded.
  type Step = { key: string | number; parent: Step | null } | null;
  const pathOf = (step: Step): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let s = step; s; s = s.parent) path.push(s.key);
    return path.reverse();
  };
  const stack: { at: Step; value: unknown }[] = [{ at: null, value }];
  while (stack.length > 0) {
    const { at, value: v } = stack.pop()!;
    if (typeof v === "string") yield { path: pathOf(at), text: v };
    else if (Array.isArray(v))
      for (let i = v.length - 1; i >= 0; i--) stack.push({ at: { key: i, parent: at }, value: v[i] });
    else if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const step = { key, parent: at };
        if (forbiddenCharacter(key)) yield { path: pathOf(step), text: key };
        stack.push({ at: step, value: child });
      }
    }
  }
}

/** "…" (U+0007, which feeds cannot carry, at character 4): the found part of a problem. */
export function describeForbidden(text: string, found: { position: number; codePoint: string }): string {
  // JSON.stringify escapes control characters and lone surrogates, so the message itself stays printable.
  const shown = JSON.stringify(text.length > 60 ? text.slice(0, 57) + "…" : text).replace(
    /[\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
  return `${shown}, which holds ${found.codePoint} at character ${found.position}`;
}

/**
 * Wide CJK characters (Han, kana, Bopomofo, CJK punctuation, full-width forms, zero-width space): a line
 * break between two of them is no space, on the page (render/cjk-breaks.ts) and in the excerpt alike.
 * Hangul is not one: Korean puts spaces between words, so a Korean line break stays a space.
 */
export const WIDE_CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u2e80-\u2eff\u31c0-\u31ef\u200b]/u;

/** Whether a line break between the characters `before` and `after` joins them without a space. */
export function breakJoins(before: string, after: string): boolean {
  return WIDE_CJK.test(before) && WIDE_CJK.test(after);
}
