// Escaping for XML text and attribute values (feeds, sitemaps): the five predefined entities, and every
// character XML 1.0 cannot carry at all dropped, so no value can make a document malformed. The content
// checks already refuse such characters in every field; this covers text that is not a field (an excerpt
// of a body) and any check that is ever missed.
import { FORBIDDEN_CHARACTERS } from "../content/characters.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xml(text: string): string {
  return text.replace(FORBIDDEN_CHARACTERS, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
