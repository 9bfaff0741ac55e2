/**
 * Hostile inputs for the attack suite (e2e/attack-inputs.spec.ts), grouped by
 * kind. Every payload that could run tries to set `window.__xss` or open a
 * dialog, which the suite's detectors record; payloads that could only load
 * something point at evil.example, which the e2e origin guard records.
 * Texts are built with escapes, so this file holds no raw control characters.
 */

export type HostileKind =
  | "script"
  | "event-handler"
  | "markdown-link"
  | "markdown-image"
  | "autolink"
  | "reference-link"
  | "svg"
  | "mutation-xss"
  | "entities-unicode"
  | "rtl"
  | "null-bytes"
  | "injection"
  | "table"
  | "overlong"
  | "nesting";

export type HostileInput = { kind: HostileKind; label: string; text: string };

/** What a payload does when it runs. */
const X = "window.__xss=1";
/** `<script>parent.__xss=1</script>`, base64. */
const SCRIPT_B64 = Buffer.from("<script>parent.__xss=1</script>").toString("base64");
/** An SVG document whose onload sets the flag, base64. */
const SVG_B64 = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="parent.__xss=1"/>`).toString("base64");

const group = (kind: HostileKind, entries: [label: string, text: string][]): HostileInput[] =>
  entries.map(([label, text]) => ({ kind, label, text }));

const scripts = group("script", [
  ["script tag", `<script>${X}</script>`],
  ["script tag with alert", "<script>alert(1)</script>"],
  ["uppercase script with remote src", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>"],
  ["split script tag", `<scr<script>ipt>${X}</scr</script>ipt>`],
  ["textarea breakout", `</textarea><script>${X}</script>`],
  ["title breakout", `</title><script>${X}</script>`],
  ["double-quoted attribute breakout", `"><script>${X}</script>`],
  ["single-quoted attribute breakout", `'><script>${X}</script>`],
  ["inline script breakout", `</script><script>${X}</script>`],
  ["module script", `<script type="module">${X}</script>`],
  ["script in an HTML comment", `<!--<script>${X}</script>-->`],
  // The last line closes the HTML block the first one opens, so the payloads after it are parsed on their own.
  ["script with a newline in the tag", `<script\n>${X}</script\n>\n</script>`],
  ["JSON breakout", `"}]);${X};//`],
  ["template literal breakout", `\`;${X};\``],
]);

const eventHandlers = group("event-handler", [
  ["img onerror", `<img src=x onerror=${X}>`],
  ["img onerror with alert", `<img src="x" onerror="alert(document.domain)">`],
  ["svg onload", `<svg onload=${X}>`],
  ["body onload", `<body onload=${X}>`],
  ["div onmouseover", `<div onmouseover="${X}">beweeg hier</div>`],
  ["input autofocus onfocus", `<input autofocus onfocus=${X}>`],
  ["details ontoggle", `<details open ontoggle=${X}>`],
  ["video source onerror", `<video><source onerror="${X}"></video>`],
  ["audio onerror", `<audio src=x onerror=${X}>`],
  ["iframe javascript src", `<iframe src="javascript:${X}"></iframe>`],
  ["iframe srcdoc", `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`],
  ["object javascript data", `<object data="javascript:${X}"></object>`],
  ["embed javascript src", `<embed src="javascript:${X}">`],
  ["marquee onstart", `<marquee onstart=${X}>tekst</marquee>`],
  ["anchor onclick", `<a href="#" onclick="${X}">klik</a>`],
  ["button formaction", `<form><button formaction="javascript:${X}">verstuur</button></form>`],
  ["math maction xlink", `<math><maction actiontype="statusline" xlink:href="javascript:${X}">x</maction></math>`],
  ["isindex action", `<isindex action=javascript:${X} type=image>`],
  ["entity-encoded handler", `<img src=x onerror="&#119;&#105;ndow.__xss=1">`],
  ["style url javascript", `<p style="background:url(javascript:${X})">stijl</p>`],
  ["css expression", `<div style="width:expression(${X})">oud</div>`],
  ["meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:${X}">`],
  ["base href", `<base href="https://evil.example/">`],
  ["link stylesheet", `<link rel="stylesheet" href="https://evil.example/x.css">`],
  ["slash instead of space", `<img/src=x/onerror=${X}>`],
  ["handler after a fake attribute end", `<img src="x"onerror="${X}">`],
]);

const markdownLinks = group("markdown-link", [
  ["javascript link", `[klik](javascript:${X})`],
  ["mixed-case javascript link", `[klik](JaVaScRiPt:${X})`],
  ["javascript link with an entity colon", `[klik](javascript&#58;${X})`],
  ["javascript link with an entity tab", `[klik](java&#x09;script:${X})`],
  ["javascript link with an entity first letter", `[klik](&#106;avascript:${X})`],
  ["javascript link in angle brackets", `[klik](<javascript:${X}>)`],
  ["javascript link with a title", `[klik](javascript:${X} "titel")`],
  ["vbscript link", "[klik](vbscript:msgbox(1))"],
  ["data html link", `[klik](data:text/html;base64,${SCRIPT_B64})`],
  ["data html link, percent-encoded", `[klik](data:text/html,%3Cscript%3E${X}%3C/script%3E)`],
  ["javascript link with a comment", `[klik](javascript:/*--></title></style></textarea></script>*/${X})`],
  ["link without text", `[](javascript:${X})`],
  ["link title breakout", `[klik](/updates "\\" onmouseover=\\"${X}")`],
  ["protocol-relative link", "[klik](//evil.example/)"],
  ["backslash link", "[klik](/\\evil.example/)"],
  ["link text with HTML", `[<img src=x onerror=${X}>](/updates)`],
]);

const markdownImages = group("markdown-image", [
  ["javascript image", `![plaatje](javascript:${X})`],
  ["vbscript image", "![plaatje](vbscript:msgbox(1))"],
  ["svg data image", `![plaatje](data:image/svg+xml;base64,${SVG_B64})`],
  ["image from another website", "![plaatje](https://evil.example/pixel.png)"],
  ["protocol-relative image", "![plaatje](//evil.example/pixel.png)"],
  ["same-origin image that signs out", "![plaatje](/api/auth/signout)"],
  ["alt text breakout", `![x" onerror="${X}](/beelden/abc)`],
  ["image title breakout", `![x](/beelden/abc "t\\" onerror=\\"${X}")`],
  ["image inside a javascript link", `[![x](/beelden/abc)](javascript:${X})`],
]);

const autolinks = group("autolink", [
  ["javascript autolink", `<javascript:${X}>`],
  ["uppercase javascript autolink", `<JAVASCRIPT:${X}>`],
  ["vbscript autolink", "<vbscript:msgbox(1)>"],
  ["data autolink", `<data:text/html;base64,${SCRIPT_B64}>`],
  ["bare javascript URL", `javascript:${X}`],
  ["www autolink with a quote", `www.evil.example/"onmouseover="${X}`],
  ["https autolink with a quote", `https://evil.example/'onmouseover='${X}'`],
  ["email autolink with HTML", "<mailto:x@example.nl?body=<script>>"],
]);

const referenceLinks = group("reference-link", [
  ["javascript reference", `[klik][r1]\n\n[r1]: javascript:${X}`],
  ["javascript reference in angle brackets", `[klik][r2]\n\n[r2]: <javascript:${X}> "titel"`],
  ["javascript image reference", `![plaatje][r3]\n\n[r3]: javascript:${X}`],
  ["vbscript shortcut reference", "[r4]\n\n[r4]: vbscript:msgbox(1)"],
  ["data reference", `[klik][r5]\n\n[r5]: data:text/html;base64,${SCRIPT_B64}`],
  ["collapsed reference", `[r6][]\n\n[r6]: JAVASCRIPT:${X}`],
  ["footnote with HTML", `Voetnoot[^n1]\n\n[^n1]: <script>${X}</script> [klik](javascript:${X})`],
  ["footnote label clobbering an id", `Zie[^__next]\n\n[^__next]: <img src=x onerror=${X}>`],
]);

const svgs = group("svg", [
  ["svg script", `<svg><script>${X}</script></svg>`],
  ["svg javascript link", `<svg><a xlink:href="javascript:${X}"><text x="20" y="20">klik</text></a></svg>`],
  ["svg animate onbegin", `<svg><animate onbegin=${X} attributeName=x dur=1s>`],
  ["svg set onload", `<svg><set attributeName="onload" to="${X}"/></svg>`],
  ["svg use of a data document", `<svg><use href="data:image/svg+xml;base64,${SVG_B64}#x"/></svg>`],
  ["svg foreignObject iframe", `<svg><foreignObject><iframe srcdoc="<script>parent.__xss=1</script>"></iframe></foreignObject></svg>`],
  ["svg self-closing onload", `<svg/onload=${X}>`],
  ["svg animate href to javascript", `<svg><a><animate attributeName=href values=javascript:${X} /><text x=20 y=20>klik</text></a></svg>`],
]);

const mutationXss = group("mutation-xss", [
  ["noscript title", `<noscript><p title="</noscript><img src=x onerror=${X}>">`],
  ["svg p style", `<svg></p><style><a id="</style><img src=1 onerror=${X}>">`],
  ["math mglyph style", `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`],
  ["form math namespace confusion", `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${X}>`],
  ["xmp", `<xmp><img src=x onerror=${X}></xmp>`],
  ["textarea", `<textarea><img src=x onerror=${X}></textarea>`],
  ["template", `<template><img src=x onerror=${X}></template>`],
  ["bogus comment", `<!--><img src=x onerror=${X}>-->`],
  ["CDATA", `<![CDATA[><img src=x onerror=${X}>]]>`],
  ["svg CDATA", `<svg><![CDATA[</svg><img src=x onerror=${X}>]]></svg>`],
  ["select template", `<select><template><img src=x onerror=${X}></template></select>`],
  ["processing instruction", `<?xml-stylesheet href="javascript:${X}"?>`],
  ["style closing inside attribute", `<style><img src="</style><img src=x onerror=${X}>"></style>`],
  ["listing with escaped markup", `<listing>&lt;img src=x onerror=${X}&gt;</listing>`],
]);

const entitiesUnicode = group("entities-unicode", [
  ["escaped script tag", `&lt;script&gt;${X}&lt;/script&gt;`],
  ["decimal entities", `&#60;script&#62;${X}&#60;/script&#62;`],
  ["double-escaped img", `&amp;lt;img src=x onerror=${X}&amp;gt;`],
  ["JSON unicode escapes", `\\u003cscript\\u003e${X}\\u003c/script\\u003e`],
  ["fullwidth brackets", `\uFF1Cscript\uFF1E${X}\uFF1C/script\uFF1E`],
  ["dotted capital I in the tag", `<scr\u0130pt>${X}</scr\u0130pt>`],
  ["long s in the tag", `<\u017Fcript>${X}</\u017Fcript>`],
  ["line separator in a link", `[klik](javascript\u2028:${X})`],
  ["zero-width space in a link", `[klik](java\u200Bscript:${X})`],
  ["byte order mark before a tag", `\uFEFF<script>${X}</script>`],
  ["percent-encoded script", `%3Cscript%3E${X}%3C%2Fscript%3E`],
  ["combining overlay on the tag", `<script\u0338>${X}</script>`],
  ["lone surrogate", "tekst \uD800 met een losse helft"],
  ["astral characters", "\u{1D54F}\u{1F600}\u{1F469}\u200D\u{1F469}\u200D\u{1F467} emoji en wiskunde"],
  ["Cyrillic look-alike name", "\u0410dmin Beheerder"],
  ["zalgo", `Z${"\u0300\u0301\u0302\u0303".repeat(60)}algo`],
  ["HTML named entities", "&nbsp;&copy;&lt;&gt;&amp;&quot;&apos;&NotAnEntity;"],
]);

const rtl = group("rtl", [
  ["right-to-left override file name", "factuur\u202Egpj.exe"],
  ["right-to-left override in a link", "[veilig.example.nl](https://evil.example/\u202Eln.elpmaxe.giliev)"],
  ["right-to-left override around a payload", `\u202E${X}\u202C`],
  ["isolates around a tag", "\u2066<script>\u2069alert(1)\u2066</script>\u2069"],
  ["right-to-left mark and embedding", "\u200F\u202Bbeheerder\u202C\u200E"],
  ["right-to-left override in a name", "Jan\u202E (beheerder) \u202Cde Vries"],
]);

const nullBytes = group("null-bytes", [
  ["lone null byte", "\u0000"],
  ["null byte in a script tag", `<scr\u0000ipt>${X}</scr\u0000ipt>`],
  ["null byte in a javascript link", `[klik](java\u0000script:${X})`],
  ["null byte before a handler", `<img src=x \u0000onerror=${X}>`],
  ["null bytes in text", "tekst\u0000\u0000\u0000na nul"],
  ["control characters and an ANSI escape", "\u0001\u0008\u001B[31mrood\u001B[0m\u007F"],
  ["CRLF header injection", "regel\r\nSet-Cookie: kaping=1\r\n\r\n<script>alert(1)</script>"],
]);

const injections = group("injection", [
  ["ICU message syntax", "{name} {count, plural, one {# ding} other {# dingen}} {0}"],
  ["template expression", `{{constructor.constructor('${X}')()}}`],
  ["template literal", `\${${X}}`],
  ["SQL quote", `'; DROP TABLE "User"; --`],
  ["SQL LIKE wildcard", "%' OR '1'='1' --"],
  ["full-text query operators", '!!! & | <-> :* "'],
  ["prototype property name", "__proto__"],
  ["constructor property name", "constructor"],
  ["path traversal", "../../../../etc/passwd"],
  ["mention token for an unknown person", `@[<img src=x onerror=${X}>](user:bestaatniet)`],
  ["CSV formula", '=HYPERLINK("https://evil.example","klik")'],
  ["CSV command", "@SUM(1+1)*cmd|' /C calc'!A0"],
  ["HTML block around Markdown", `<div>\n\n[klik](javascript:${X})\n\n</div>`],
  ["code fence with HTML", `\`\`\`html\n<script>${X}</script>\n\`\`\``],
  ["inline code with HTML", `\`<img src=x onerror=${X}>\``],
]);

const tables = group("table", [
  ["script and img in cells", `| a | b |\n| --- | --- |\n| <script>${X}</script> | <img src=x onerror=${X}> |`],
  ["javascript links in cells", `| a | b |\n| --- | --- |\n| [x](javascript:${X}) | ![y](javascript:${X}) |`],
  ["nested HTML table in a cell", `| a |\n| --- |\n| <table><tr><td onmouseover=${X}>x</td></tr></table> |`],
  ["details in a cell", `| a |\n| --- |\n| <details open ontoggle=${X}>x</details> |`],
  ["escaped pipes and svg", `| a \\| b | c |\n| --- | --- |\n| <svg onload=${X}> \\| | <iframe src=javascript:${X}> |`],
  ["table of 99 columns", `|${" k |".repeat(99)}\n|${" --- |".repeat(99)}\n|${" <b onmouseover=x>v</b> |".repeat(99)}`],
]);

/** Too long or too deep to be shown as Markdown: each one alone in a text (they may turn the whole text into plain text). */
const overlong = group("overlong", [
  ["ten thousand letters without a space", "A".repeat(10_000)],
  ["five thousand angle brackets", "<".repeat(5000)],
  ["five thousand stars", "*".repeat(5000)],
  ["three thousand backticks", "`".repeat(3000)],
  ["unclosed brackets", "[".repeat(9000)],
  ["five thousand line breaks", `begin${"\n".repeat(5000)}eind`],
  ["entities, three thousand", "&amp;".repeat(1500)],
  ["link openers", "[x](".repeat(2000)],
  ["zalgo, long", `Z${"\u0301".repeat(5000)}`],
]);

const nesting = group("nesting", [
  ["two thousand list markers", "- ".repeat(2000) + "x"],
  ["two thousand quote markers", "> ".repeat(2000) + "x"],
  ["a thousand ordered markers", "1. ".repeat(1000) + "x"],
  ["two thousand divs", "<div>".repeat(2000)],
  ["nested emphasis", "*_".repeat(2000) + "x" + "_*".repeat(2000)],
  ["nested links", "[".repeat(1500) + "x" + "](javascript:window.__xss=1)".repeat(200)],
  ["a staircase of 80 indented items", Array.from({ length: 80 }, (_, level) => `${"  ".repeat(level)}- stap ${level}`).join("\n")],
  ["quotes and lists mixed", "> - ".repeat(1000) + "x"],
]);

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  ...scripts,
  ...eventHandlers,
  ...markdownLinks,
  ...markdownImages,
  ...autolinks,
  ...referenceLinks,
  ...svgs,
  ...mutationXss,
  ...entitiesUnicode,
  ...rtl,
  ...nullBytes,
  ...injections,
  ...tables,
  ...overlong,
  ...nesting,
];

/** Kinds that stand alone in a text: too long or too deep to share one with the others. */
const ALONE: ReadonlySet<HostileKind> = new Set(["overlong", "nesting"]);

/** The payloads that can share one Markdown text, in the list's order. */
export const BATCHABLE = HOSTILE_INPUTS.filter((input) => !ALONE.has(input.kind));
/** The payloads that each get a text of their own. */
export const SOLITARY = HOSTILE_INPUTS.filter((input) => ALONE.has(input.kind));

/** Addresses for the invitation form: each one is refused, in plain words. */
export const HOSTILE_EMAILS: readonly string[] = [
  `"><script>${X}</script>@example.nl`,
  `<img src=x onerror=${X}>@example.nl`,
  `javascript:${X}//@example.nl`,
  "iemand@example.nl\r\nBcc: slachtoffer@example.nl",
  `iemand@example.nl<svg/onload=${X}>`,
  `${"a".repeat(250)}@example.nl`,
  "iemand@[127.0.0.1]",
  "\u202Eln.elpmaxe@evil",
  // The server drops NUL bytes; what is left is still no address.
  "<\u0000script>@example.nl",
  "=cmd|' /C calc'!A0@example.nl",
];

/** Names a person may choose when accepting an invitation (at most 100 characters), made to break out of Markdown, HTML and message templates. */
export const hostileNames = (tag: string) => ({
  markdown: `Anna ${tag} ](javascript:${X}) **<img src=x onerror=${X}>** \u202Eadmin`,
  html: `Carl ${tag} "><svg onload=${X}> {name} </textarea><script>alert(1)</script>`,
});
