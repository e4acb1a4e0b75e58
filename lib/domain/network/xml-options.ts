// fast-xml-parser settings shared by the builder and the parser. The defaults
// are unsafe for us in two ways, both fixed here:
// - suppressBooleanAttributes (builder) writes an attribute whose value is the
//   string "true" as a bare name, which is not XML;
// - attribute values are not protected against whitespace normalisation: a
//   raw newline or tab in an attribute comes back from libxml2 as a space.
//   The entity list below writes them as character references instead.
import { XMLBuilder, XMLParser } from "fast-xml-parser";

export const ATTR = "@_";
export const TEXT = "#text";

const entities = [
  { regex: /&/g, val: "&amp;" }, // must be first: the others introduce '&'
  { regex: />/g, val: "&gt;" },
  { regex: /</g, val: "&lt;" },
  { regex: /'/g, val: "&apos;" },
  { regex: /"/g, val: "&quot;" },
  { regex: /\r/g, val: "&#13;" },
  { regex: /\n/g, val: "&#10;" },
  { regex: /\t/g, val: "&#9;" },
];

export function makeBuilder(): XMLBuilder {
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    textNodeName: TEXT,
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: true,
    entities,
  } as ConstructorParameters<typeof XMLBuilder>[0]);
}

/**
 * Every element comes back as an array (so a repeated element is never
 * mistaken for a single one) with its text under TEXT; attributes stay
 * strings; nothing is trimmed, so text round-trips exactly. `htmlEntities: {}`
 * turns on numeric character references (&#10;) without HTML's named ones,
 * which XML does not have.
 */
export function makeParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    textNodeName: TEXT,
    alwaysCreateTextNode: true,
    isArray: (_name: string, _jpath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: {},
  } as ConstructorParameters<typeof XMLParser>[0]);
}
