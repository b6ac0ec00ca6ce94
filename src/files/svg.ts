// Whether an SVG file is passive — a picture, nothing a browser would run. An SVG opened on its own is
// a document on the site's origin: a <script>, an onload handler, a <foreignObject> holding HTML, a
// javascript: link or an XSLT stylesheet would run as the site. So only an allow-list passes: shapes,
// text, gradients, filters, clipping and masks, with presentation attributes, and references only to
// fragments of the same file ('#id'). Parsed with a real XML parser (htmlparser2, through cheerio);
// whatever it cannot place on the list is refused.
import { load } from "cheerio";

/** The part of htmlparser2's nodes read here (typed locally: cheerio does not re-export domhandler's). */
interface AnyNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: AnyNode[];
}
type Element = AnyNode & { name: string; attribs: Record<string, string>; children: AnyNode[] };

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** Elements that draw, group or describe; no script, foreignObject, image, a, animation or feImage. */
const ELEMENTS = new Set(
  (
    "svg g defs symbol use switch title desc style path rect circle ellipse line polyline polygon text tspan textPath " +
    "linearGradient radialGradient stop pattern clipPath mask marker filter feBlend feColorMatrix feComponentTransfer " +
    "feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB " +
    "feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight " +
    "feTile feTurbulence"
  ).split(" "),
);

/** Geometry, presentation, text, paint-server and filter attributes; nothing that runs or loads. */
const ATTRIBUTES = new Set(
  (
    "id class style lang xml:lang xml:space version baseProfile xmlns xmlns:xlink href xlink:href viewBox preserveAspectRatio " +
    "width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength transform " +
    "fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray " +
    "stroke-dashoffset stroke-opacity opacity color display visibility overflow paint-order vector-effect shape-rendering " +
    "text-rendering image-rendering color-interpolation color-interpolation-filters clip-path clip-rule clipPathUnits mask " +
    "maskUnits maskContentUnits filter filterUnits primitiveUnits marker-start marker-mid marker-end markerWidth markerHeight " +
    "markerUnits refX refY orient font-family font-size font-weight font-style font-variant font-stretch text-anchor " +
    "text-decoration dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing writing-mode direction " +
    "unicode-bidi dx dy rotate textLength lengthAdjust startOffset method spacing side offset stop-color stop-opacity " +
    "gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits patternTransform in in2 result stdDeviation " +
    "type values tableValues slope intercept amplitude exponent k1 k2 k3 k4 operator mode scale xChannelSelector yChannelSelector " +
    "baseFrequency numOctaves seed stitchTiles flood-color flood-opacity lighting-color surfaceScale diffuseConstant " +
    "specularConstant specularExponent kernelUnitLength azimuth elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle " +
    "kernelMatrix order divisor bias targetX targetY edgeMode preserveAlpha radius media requiredFeatures requiredExtensions " +
    "systemLanguage role aria-label aria-labelledby aria-describedby aria-hidden focusable"
  ).split(" "),
);

/** Null when `text` (an SVG file's contents) is passive, else what was found in it. */
export function refuseSvg(text: string): string | null {
  // An internal DTD subset can define entities that expand to markup (browsers expand them; the
  // parser here would not), so it is refused before parsing. An external DOCTYPE is never fetched.
  if (/<!ENTITY/i.test(text)) return "an entity declaration (<!ENTITY), which can hide markup";
  if (/<!DOCTYPE[^>]*\[/i.test(text)) return "a DOCTYPE with an internal subset, which can hide markup";
  const $ = load(text, { xml: true });
  const top = $.root()[0]!.children as unknown as AnyNode[];
  const roots = top.filter((n) => n.type === "tag" || n.type === "script" || n.type === "style");
  if (roots.length !== 1 || (roots[0] as Element).name !== "svg")
    return `not one <svg> element at the top (found ${roots.map((n) => `<${(n as Element).name}>`).join(", ") || "none"})`;
  for (const node of top) {
    if (node.type === "text" && node.data!.trim() !== "")
      return `text outside the <svg> element ("${node.data!.trim().slice(0, 30)}")`;
  }
  return refuseNodes(top);
}

function refuseNodes(nodes: readonly AnyNode[]): string | null {
  for (const node of nodes) {
    const why = refuseNode(node);
    if (why) return why;
  }
  return null;
}

function refuseNode(node: AnyNode): string | null {
  switch (node.type) {
    case "text":
    case "comment":
      return null;
    case "cdata":
      return refuseNodes(node.children ?? []);
    case "directive": {
      // <?xml version="1.0"?> and an external <!DOCTYPE svg …> only; <?xml-stylesheet?> could run XSLT.
      const name = node.name!.toLowerCase();
      if (name === "?xml" || name === "!doctype") return null;
      return `a processing instruction or declaration <${node.name}>`;
    }
    case "tag":
    case "script":
    case "style":
      return refuseElement(node as Element);
    default:
      return `an unexpected ${node.type} node`;
  }
}

function refuseElement(el: Element): string | null {
  if (!ELEMENTS.has(el.name)) return `a <${el.name}> element (only passive SVG elements are published)`;
  for (const [name, value] of Object.entries(el.attribs)) {
    if (/^on/i.test(name)) return `an event handler ${name}="…" on <${el.name}>`;
    if (!ATTRIBUTES.has(name) && !/^data-[a-z0-9-]+$/.test(name))
      return `a ${name} attribute on <${el.name}> (only presentation attributes are published)`;
    const why = refuseValue(name, value);
    if (why) return `${why} in the ${name} attribute of <${el.name}>`;
  }
  if (el.name === "style") {
    const css = textOf(el);
    const why = refuseCss(css);
    if (why) return `${why} in a <style> element`;
  }
  return refuseNodes(el.children);
}

function refuseValue(name: string, value: string): string | null {
  if (name === "xmlns") return value === SVG_NS ? null : `the namespace "${value}" (expected ${SVG_NS})`;
  if (name === "xmlns:xlink") return value === XLINK_NS ? null : `the namespace "${value}" (expected ${XLINK_NS})`;
  // Browsers ignore whitespace and control characters inside a scheme: "java\tscript:".
  const squeezed = value.replace(/[\s\0-\x1f]/g, "");
  if (/(?:java|vb)script:|data:/i.test(squeezed)) return `a script or data: address "${value.slice(0, 40)}"`;
  if ((name === "href" || name === "xlink:href") && !/^#\S*$/.test(value.trim()))
    return `a link "${value.slice(0, 40)}" to another file (only '#fragment' links are published)`;
  if (name === "style") return refuseCss(value);
  return refuseUrls(value);
}

/** CSS may load other files (url(), @import) or, in old browsers, run code; escapes could hide either. */
function refuseCss(css: string): string | null {
  if (css.includes("\\")) return "a CSS escape (\\), which could hide an address";
  if (/@import/i.test(css)) return "an @import";
  if (/expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) return "CSS that runs code";
  if (/(?:java|vb)script:|data:/i.test(css.replace(/\s/g, ""))) return "a script or data: address";
  return refuseUrls(css);
}

/** Every url(…) must point into the same file: url(#id). */
function refuseUrls(value: string): string | null {
  for (const match of value.matchAll(/url\s*\(\s*(['"]?)\s*([^'")]*)/gi)) {
    if (!match[2]!.trim().startsWith("#")) return `a url(${match[2]!.slice(0, 40)}) to another file`;
  }
  return null;
}

function textOf(el: Element): string {
  let text = "";
  const walk = (nodes: readonly AnyNode[]) => {
    for (const n of nodes) {
      if (n.type === "text") text += n.data;
      else if (n.children) walk(n.children);
    }
  };
  walk(el.children);
  return text;
}
