// Site paths the build fills itself, outside the page model: the stylesheet and scripts, the media
// copied from the content folder, the search page's bundle and fold table. No page or alias may use them.
export const ASSETS_PATH = "/assets/";
export const MEDIA_PATH = "/media/";
export const STYLESHEET_PATH = "/assets/site.css";
export const SEARCH_PATH = "/search/";
export const SEARCH_SCRIPT = "/assets/search.js";
/** The Pagefind bundle the build writes after the pages. */
export const SEARCH_BUNDLE = "/pagefind/";
/** The Traditional/Simplified fold table the search page's script applies to queries. */
export const SEARCH_FOLD = "/search/fold.json";
