// Open Graph's og:locale is language_TERRITORY (https://ogp.me/#optional, default en_US). A page's
// language is the site's locale or, for an article in another language, what src/content/language.ts
// tells from its text ("en", "zh"). Traditional Chinese is written as in Taiwan, Simplified as in
// mainland China; "zh" (a Chinese article on an English site, script not told apart) is zh_CN, the
// larger readership.
const OG_LOCALES: Readonly<Record<string, string>> = {
  "zh-Hant": "zh_TW",
  "zh-Hans": "zh_CN",
  zh: "zh_CN",
  en: "en_US",
};

/** The og:locale of a page in `lang` (a site locale or an article's language); en_US, OG's default, for others. */
export function ogLocale(lang: string): string {
  return OG_LOCALES[lang] ?? "en_US";
}
