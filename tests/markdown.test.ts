import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isRelativeUrl, isUploadImageUrl, Markdown } from "@/components/markdown/markdown";

function render(source: string, props: Omit<Parameters<typeof Markdown>[0], "children"> = {}) {
  return renderToStaticMarkup(createElement(Markdown, { ...props, children: source }));
}

/** The opening tags of all elements named `tag` in the output. */
function tags(html: string, tag: string): string[] {
  return html.match(new RegExp(`<${tag}\\b[^>]*>`, "gi")) ?? [];
}

describe("Markdown", () => {
  it("renders ordinary Markdown", () => {
    const html = render("Een **vette** zin met *nadruk*.\n\n- een\n- twee");
    expect(html).toContain("<strong>vette</strong>");
    expect(html).toContain("<em>nadruk</em>");
    expect(tags(html, "li")).toHaveLength(2);
  });

  it("never lets raw HTML through", () => {
    const html = render(
      [
        "<script>alert('x')</script>",
        "",
        'Tekst <img src="x" onerror="alert(1)"> en <iframe src="https://evil.example/"></iframe>',
        "",
        '<a href="https://evil.example" onclick="steal()">klik</a> <style>body{display:none}</style>',
        "",
        '<div style="position:fixed">over alles heen</div>',
      ].join("\n"),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<[^>]*\sstyle=/i);
    expect(tags(html, "img")).toHaveLength(0);
    expect(html).not.toContain("evil.example");
  });

  it("removes javascript: and other unsafe link targets", () => {
    const html = render("[klik](javascript:alert(1)) [ook](JAVASCRIPT:alert(1)) [data](data:text/html,<b>x</b>) [vb](vbscript:msgbox)");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/vbscript:/i);
    expect(html).not.toMatch(/href="data:/i);
    // The words stay readable.
    expect(html).toContain("klik");
    expect(tags(html, "a")).toHaveLength(0);
  });

  it("opens external links in a new tab, safely, and says so", () => {
    const html = render("Zie [de site](https://example.org/pagina) en www.example.com.");
    const links = tags(html, "a");
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toContain('rel="noopener noreferrer"');
      expect(link).toContain('target="_blank"');
    }
    expect(html).toContain('<span class="sr-only"> (externe link)</span>');
    expect(html).toContain("↗");
  });

  it("uses the external-link label it is given", () => {
    expect(render("[x](https://example.org)", { labels: { externalLink: "external link" } })).toContain(" (external link)");
  });

  it("treats protocol-relative and backslash tricks as external", () => {
    expect(isRelativeUrl("/updates/1")).toBe(true);
    expect(isRelativeUrl("#voetnoot")).toBe(true);
    expect(isRelativeUrl("beelden/abc")).toBe(true);
    expect(isRelativeUrl("https://example.org")).toBe(false);
    expect(isRelativeUrl("//evil.example/x.png")).toBe(false);
    expect(isRelativeUrl("/\\evil.example/x.png")).toBe(false);
    expect(isRelativeUrl("mailto:a@example.org")).toBe(false);
    const html = render("[a](//evil.example/pad)");
    expect(tags(html, "a")[0]).toContain('target="_blank"');
  });

  it("keeps internal links in the same tab, still with rel", () => {
    const [link, ...others] = tags(render("[Andere update](/updates/abc)"), "a");
    expect(others).toHaveLength(0);
    expect(link).toContain('href="/updates/abc"');
    expect(link).toContain('rel="noopener noreferrer"');
    expect(link).not.toContain("target=");
  });

  it("shows same-origin images, lazily", () => {
    const [image] = tags(render("![Bewoners bij de Lego-sessie](/beelden/abc123)"), "img");
    expect(image).toContain('src="/beelden/abc123"');
    expect(image).toContain('alt="Bewoners bij de Lego-sessie"');
    expect(image).toContain('loading="lazy"');
  });

  it("turns an image from another website into a link instead of loading it", () => {
    const html = render("![Een grafiek](https://tracker.example/pixel.png) ![](//cdn.example/x.png)");
    expect(tags(html, "img")).toHaveLength(0);
    expect(html).not.toMatch(/<img[^>]*src="(https?:)?\/\//i);
    const links = tags(html, "a");
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('href="https://tracker.example/pixel.png"');
    expect(html).toContain("Een grafiek");
  });

  it("shows an uploaded image at its /beelden/<id> address", () => {
    const [image, ...others] = tags(render("Zie ![Plattegrond](/beelden/cm9x2k7q10000abcdefghijklm) en verder."), "img");
    expect(others).toHaveLength(0);
    expect(image).toContain('src="/beelden/cm9x2k7q10000abcdefghijklm"');
  });

  it("never loads a same-origin image that is not an upload, since fetching it could change something", () => {
    const html = render(
      [
        "![Uitloggen](/api/auth/signout)",
        "![melding](/meldingen/abc)",
        "![](/api/auth/signout?callbackUrl=/)",
        "![rel](beelden/abc)",
        "![pad](/beelden/abc/../../api/auth/signout)",
        "![code](/beelden/%2e%2e)",
        "![hoofd](/beelden/ABC)",
        "![vraag](/beelden/abc?x=1)",
        "![ref][doel]",
        "",
        "[doel]: /api/auth/signout",
      ].join("\n"),
    );
    expect(tags(html, "img")).toHaveLength(0);
    // The alt text (or, without one, the address) stays readable, as plain text, not a link.
    expect(html).toContain("<span>Uitloggen</span>");
    expect(html).toContain("<span>melding</span>");
    expect(html).toContain("<span>/api/auth/signout?callbackUrl=/</span>");
    expect(html).toContain("<span>ref</span>");
    expect(tags(html, "a")).toHaveLength(0);
  });

  it("recognises only /beelden/<id> as an upload address", () => {
    expect(isUploadImageUrl("/beelden/abc123")).toBe(true);
    expect(isUploadImageUrl("/beelden/")).toBe(false);
    expect(isUploadImageUrl("/beelden/abc/x")).toBe(false);
    expect(isUploadImageUrl("/beelden/abc#x")).toBe(false);
    expect(isUploadImageUrl("https://koppelkans.example.nl/beelden/abc")).toBe(false);
    expect(isUploadImageUrl("//beelden/abc")).toBe(false);
    expect(isUploadImageUrl(`/beelden/${"a".repeat(41)}`)).toBe(false);
  });

  it("drops data: images", () => {
    const html = render("![x](data:image/png;base64,AAAA)");
    expect(tags(html, "img")).toHaveLength(0);
    expect(html).not.toContain("data:image");
  });

  it("renders tables in a scrollable, focusable box", () => {
    const html = render("| Opgave | Wijk |\n| --- | --- |\n| Armoede | Crabbehof |");
    expect(html).toMatch(/<div[^>]*role="region"[^>]*tabindex="0"[^>]*overflow-x-auto[^>]*><table/);
    expect(tags(html, "th")).toHaveLength(2);
    expect(html).toContain(">Crabbehof</td>");
  });

  it("starts headings below the page's own, e.g. at h5 inside a comment under an h4", () => {
    const html = render("# Kop\n\n## Sub\n\n###### Diep", { topHeadingLevel: 5 });
    expect(html).toMatch(/<h5[^>]*>Kop<\/h5>/);
    expect(html).toMatch(/<h6[^>]*>Sub<\/h6>/);
    expect(html).toMatch(/<h6[^>]*>Diep<\/h6>/);
    expect(html).not.toMatch(/<h[1-4]/);
  });

  it("starts headings at h2 so the page keeps one h1", () => {
    const html = render("# Eerste\n\n## Tweede\n\n###### Zesde");
    expect(tags(html, "h1")).toHaveLength(0);
    expect(html).toMatch(/<h2[^>]*>Eerste<\/h2>/);
    expect(html).toMatch(/<h3[^>]*>Tweede<\/h3>/);
    expect(html).toMatch(/<h6[^>]*>Zesde<\/h6>/);
  });

  it("keeps footnote links pointing at their (prefixed) targets", () => {
    const html = render("Zin[^1].\n\n[^1]: Noot.", { idPrefix: "u1-" });
    expect(html).toContain('href="#u1-fn-1"');
    expect(html).toContain('id="u1-fn-1"');
    expect(html).toContain('href="#u1-fnref-1"');
    expect(html).toContain('id="u1-fnref-1"');
  });
});
