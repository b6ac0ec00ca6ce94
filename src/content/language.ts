// Which language an article is written in, when it differs from the site's: an English article on a
// Chinese site gets lang="en" (screen readers, hyphenation, fonts), and vice versa. Front-matter has no
// language key; the script of the text decides.

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const SAMPLE = 2000;

/**
 * The article's `lang` when it is not the site's language, else null.
 * Counts Han and Latin letters in the title and the start of the body.
 */
export function articleLanguage(title: string, body: string, siteLocale: string): string | null {
  const sample = `${title}\n${body.slice(0, SAMPLE)}`;
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  // A Latin letter carries less text than a Han character; weigh about one word per two characters.
  const mostlyEnglish = latin > 8 * han;
  const mostlyChinese = han * 4 > latin;
  if (siteLocale.startsWith("zh") && mostlyEnglish) return "en";
  if (siteLocale === "en" && mostlyChinese) return "zh";
  return null;
}
