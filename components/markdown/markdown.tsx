import type { ComponentPropsWithoutRef, ReactElement, ReactNode } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { exceededSourceLimit } from "./bounds";
import { remarkBounds } from "./tree-bounds";

/**
 * Markdown written by people (update bodies, later comments), rendered as
 * React elements. Safe in server and client components alike: no hooks, no
 * next-intl, no server-only imports (the words it needs come in as `labels`).
 *
 * - Raw HTML never becomes HTML: react-markdown turns it into plain text, and
 *   rehype-sanitize (GitHub's schema) strips what is left, such as
 *   `javascript:` links and event handler attributes. Do not add rehype-raw.
 * - Links get rel="noopener noreferrer"; absolute links open in a new tab
 *   and say so (hidden text plus a visible ↗).
 * - Only uploaded images (`/beelden/<id>`) load. Any other same-origin
 *   image becomes its alt text, so an image cannot make the reader's browser
 *   call a page that changes something (`![](/api/auth/signout)`); an image
 *   from another website becomes a link to it, so a page never fetches
 *   anything from elsewhere.
 * - Headings start at h2: the page around the text keeps the only h1.
 * - Tables scroll sideways inside their own (keyboard-focusable) box.
 * - Text too deeply nested or too costly to parse (see bounds.ts and
 *   tree-bounds.ts), or that fails to render at all, is shown as plain text:
 *   no stored text can break the page it is on.
 */

export type MarkdownLabels = {
  /** Read after every link that opens another website. */
  externalLink: string;
  /** Name of the scrollable box around a table. */
  table: string;
  /** Hidden heading above the footnotes. */
  footnotes: string;
  /** Label of the link from a footnote back to the text. */
  footnoteBack: string;
};

export const defaultMarkdownLabels: MarkdownLabels = {
  externalLink: "externe link",
  table: "Tabel",
  footnotes: "Voetnoten",
  footnoteBack: "Terug naar de tekst",
};

// Two unrelated bases: a URL that resolves to each base's own origin with both
// is relative. Anything with a scheme, or starting with "//" or "/\", is not.
const BASES = ["https://a.koppelkans.invalid/", "http://b.koppelkans.invalid/"] as const;

/** True for relative URLs (same origin); false for absolute, protocol-relative or unparsable ones. */
export function isRelativeUrl(url: string): boolean {
  return BASES.every((base) => {
    try {
      return new URL(url, base).origin === new URL(base).origin;
    } catch {
      return false;
    }
  });
}

/** Where uploaded images are served (lib/uploads/service.ts uploadUrl; ids as its UPLOAD_ID_PATTERN). */
const UPLOAD_IMAGE_URL = /^\/beelden\/[a-z0-9]{1,40}$/;

/** True only for the address of an uploaded image, the one kind of image a text may show. */
export function isUploadImageUrl(url: string): boolean {
  return UPLOAD_IMAGE_URL.test(url);
}

const headingClasses = {
  h2: "mt-8 text-2xl font-semibold first:mt-0",
  h3: "mt-6 text-xl font-semibold first:mt-0",
  h4: "mt-6 text-lg font-semibold first:mt-0",
  h5: "mt-4 text-base font-semibold first:mt-0",
  h6: "mt-4 text-base font-semibold italic first:mt-0",
} as const;

type HeadingTag = keyof typeof headingClasses;

function cx(...classes: (string | undefined | false)[]) {
  return classes.filter(Boolean).join(" ");
}

function shiftedHeading(tag: HeadingTag) {
  function Heading({ node: _node, className, ...props }: ComponentPropsWithoutRef<"h2"> & ExtraProps) {
    const Tag = tag;
    return <Tag {...props} className={cx(headingClasses[tag], className)} />;
  }
  Heading.displayName = `Markdown${tag.toUpperCase()}`;
  return Heading;
}

function ExternalSuffix({ label }: { label: string }) {
  return (
    <>
      <span className="sr-only"> ({label})</span>
      <span aria-hidden="true" className="ml-0.5 inline-block text-[0.8em] no-underline">
        ↗
      </span>
    </>
  );
}

function ExternalLink({ href, title, label, children }: { href: string; title?: string; label: string; children: ReactNode }) {
  return (
    <a href={href} title={title} target="_blank" rel="noopener noreferrer">
      {children}
      <ExternalSuffix label={label} />
    </a>
  );
}

const HEADING_TAGS: HeadingTag[] = ["h2", "h3", "h4", "h5", "h6"];

/** The tag for Markdown heading `level` (1–6) when the text's top heading becomes `topLevel`. */
function headingTag(level: number, topLevel: 2 | 3 | 4 | 5): HeadingTag {
  return HEADING_TAGS[Math.min(HEADING_TAGS.length - 1, level - 1 + topLevel - 2)]!;
}

function components(labels: MarkdownLabels, idPrefix: string, topLevel: 2 | 3 | 4 | 5, publicView: boolean): Components {
  return {
    h1: shiftedHeading(headingTag(1, topLevel)),
    h2: shiftedHeading(headingTag(2, topLevel)),
    h3: shiftedHeading(headingTag(3, topLevel)),
    h4: shiftedHeading(headingTag(4, topLevel)),
    h5: shiftedHeading(headingTag(5, topLevel)),
    h6: shiftedHeading(headingTag(6, topLevel)),
    a({ node: _node, href, title, children, className, id, ...rest }) {
      // A link whose address was removed as unsafe (e.g. javascript:) keeps only its text.
      if (!href) return <span>{children}</span>;
      if (!isRelativeUrl(href)) {
        return (
          <ExternalLink href={href} title={title} label={labels.externalLink}>
            {children}
          </ExternalLink>
        );
      }
      // The sanitizer prefixes every id (so user text cannot clobber the page's
      // own ids); links within the text (footnotes) follow that prefix.
      const target = href.startsWith("#") ? `#${idPrefix}${href.slice(1)}` : href;
      // On a public page a link into the portal (members only) keeps only its text.
      if (publicView && !href.startsWith("#")) return <span>{children}</span>;
      // Footnote links carry data-footnote-ref/-backref and aria-describedby; keep them.
      return (
        <a {...rest} id={id} className={className} href={target} title={title} rel="noopener noreferrer">
          {children}
        </a>
      );
    },
    img({ src, alt, title }) {
      const url = typeof src === "string" ? src : "";
      if (!url) return alt ? <span>{alt}</span> : null;
      if (!isRelativeUrl(url)) {
        // Never load an image from another website: offer a link instead.
        return (
          <ExternalLink href={url} title={title} label={labels.externalLink}>
            {alt || url}
          </ExternalLink>
        );
      }
      // A same-origin address that is not an upload may change state when fetched: never load it.
      if (!isUploadImageUrl(url)) return <span>{alt || url}</span>;
      // Uploaded images are for members only: a public page shows what the alt text says.
      if (publicView) return alt ? <span>{alt}</span> : null;
      return <img src={url} alt={alt ?? ""} title={title} loading="lazy" className="my-2 inline-block h-auto max-w-full rounded" />;
    },
    p: ({ node: _node, ...props }) => <p {...props} className="leading-relaxed" />,
    ul: ({ node: _node, className, ...props }) => (
      <ul {...props} className={cx("list-disc space-y-1 pl-6 [&.contains-task-list]:list-none [&.contains-task-list]:pl-1", className)} />
    ),
    ol: ({ node: _node, ...props }) => <ol {...props} className="list-decimal space-y-1 pl-6" />,
    blockquote: ({ node: _node, ...props }) => (
      <blockquote {...props} className="space-y-2 border-l-4 border-slate-300 pl-4 text-slate-700" />
    ),
    pre: ({ node: _node, ...props }) => (
      <pre
        {...props}
        tabIndex={0}
        className="overflow-x-auto rounded bg-slate-100 p-4 font-mono text-sm [&_code]:bg-transparent [&_code]:p-0"
      />
    ),
    code: ({ node: _node, className, ...props }) => (
      <code {...props} className={cx("rounded bg-slate-100 px-1 font-mono text-[0.9em]", className)} />
    ),
    hr: () => <hr className="border-slate-300" />,
    table: ({ node: _node, ...props }) => (
      <div role="region" aria-label={labels.table} tabIndex={0} className="max-w-full overflow-x-auto rounded border border-slate-300">
        <table {...props} className="min-w-full border-collapse text-left text-sm" />
      </div>
    ),
    th: ({ node: _node, ...props }) => <th {...props} className="border-b-2 border-slate-400 bg-slate-100 px-3 py-2 font-semibold" />,
    td: ({ node: _node, ...props }) => <td {...props} className="border-b border-slate-200 px-3 py-2 align-top" />,
  };
}

/**
 * Parsing and sanitising is the costly part of showing Markdown, and the same
 * texts are shown again and again (an update page with 300 comments). React
 * elements are immutable, so the parsed tree of a text is kept and reused, a
 * bounded number of texts, least recently used out first.
 */
const CACHE_ENTRIES = 2_000;
const CACHE_MAX_SOURCE = 20_000;
const parsedCache = new Map<string, ReactElement>();

function parsed(key: string, source: string, render: () => ReactElement): ReactElement {
  if (source.length > CACHE_MAX_SOURCE) return render();
  const hit = parsedCache.get(key);
  if (hit) {
    parsedCache.delete(key);
    parsedCache.set(key, hit);
    return hit;
  }
  const element = render();
  parsedCache.set(key, element);
  if (parsedCache.size > CACHE_ENTRIES) parsedCache.delete(parsedCache.keys().next().value!);
  return element;
}

/** The source as it was written, line breaks kept: for text that cannot be shown as Markdown. */
function PlainText({ source }: { source: string }) {
  return <p className="leading-relaxed whitespace-pre-wrap">{source}</p>;
}

function renderMarkdown(
  source: string,
  words: MarkdownLabels,
  idPrefix: string,
  topHeadingLevel: 2 | 3 | 4 | 5,
  publicView: boolean,
): ReactElement {
  try {
    if (exceededSourceLimit(source)) return <PlainText source={source} />;
    return ReactMarkdown({
      remarkPlugins: [remarkGfm, remarkBounds],
      remarkRehypeOptions: {
        // Ids get their prefix from the sanitizer, once (see the link component).
        clobberPrefix: "",
        footnoteLabel: words.footnotes,
        footnoteBackLabel: (referenceIndex: number) => `${words.footnoteBack} (${referenceIndex + 1})`,
      },
      rehypePlugins: [[rehypeSanitize, { ...defaultSchema, clobberPrefix: idPrefix }]],
      components: components(words, idPrefix, topHeadingLevel, publicView),
      children: source,
    });
  } catch {
    // The bounds should make this unreachable; if not, the text still shows and the page stays up.
    return <PlainText source={source} />;
  }
}

export function Markdown({
  children,
  labels,
  className,
  idPrefix = "user-content-",
  topHeadingLevel = 2,
  publicView = false,
}: {
  /** The Markdown source. */
  children: string;
  labels?: Partial<MarkdownLabels>;
  className?: string;
  /** Prefix of the ids inside the text (footnotes); make it unique when one page shows several texts. */
  idPrefix?: string;
  /** The level a `#` heading in the text gets, below the headings of the page around it. */
  topHeadingLevel?: 2 | 3 | 4 | 5;
  /** For a page visitors read (the inspiration book): no links into the portal, no uploaded images. */
  publicView?: boolean;
}) {
  const words = { ...defaultMarkdownLabels, ...labels };
  const key = JSON.stringify([idPrefix, topHeadingLevel, publicView, words, children]);
  return (
    <div className={cx("space-y-4 break-words", className)}>
      {parsed(key, children, () => renderMarkdown(children, words, idPrefix, topHeadingLevel, publicView))}
    </div>
  );
}
