/** Marks around the matched words in search snippets; split into <mark> elements when rendered, never parsed as HTML. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";
