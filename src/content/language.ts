// Which language an article is written in, when it differs from the site's: an English article on a
// Chinese site gets lang="en" (screen readers, hyphenation, fonts), and vice versa. Front-matter has no
// language key; the script of the text decides.

const SAMPLE = 600;

/**
 * The article's `lang` when it is not the site's language, else null.
 * Counts Han and Latin letters in the title and the start of the body (a plain loop: this runs once
 * per article on every build).
 */
export function articleLanguage(title: string, body: string, siteLocale: string): string | null {
  const sample = `${title}\n${body.slice(0, SAMPLE)}`;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
  }
  // A Latin letter carries less text than a Han character; weigh about one word per two characters.
  const mostlyEnglish = latin > 8 * han;
  const mostlyChinese = han * 4 > latin;
  if (siteLocale.startsWith("zh") && mostlyEnglish) return "en";
  if (siteLocale === "en" && mostlyChinese) return "zh";
  return null;
}
