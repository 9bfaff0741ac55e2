import type { ReactNode } from "react";
import type { ToolbarItem } from "./markdown-toolbar";

/** Decorative 20 px icons (the button's name is its hidden text), drawn in the text colour. */
function Svg({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function ToolbarIcon({ item }: { item: ToolbarItem }) {
  switch (item) {
    case "bold":
      return (
        <span aria-hidden="true" className="w-5 text-center font-sans text-lg leading-5 font-bold">
          B
        </span>
      );
    case "italic":
      return (
        <span aria-hidden="true" className="w-5 text-center font-serif text-lg leading-5 italic">
          I
        </span>
      );
    case "heading":
      return (
        <span aria-hidden="true" className="w-5 text-center font-sans text-lg leading-5 font-bold">
          H
        </span>
      );
    case "bulletList":
      return (
        <Svg>
          <circle cx="4" cy="5" r="1" fill="currentColor" />
          <circle cx="4" cy="10" r="1" fill="currentColor" />
          <circle cx="4" cy="15" r="1" fill="currentColor" />
          <path d="M8 5h9M8 10h9M8 15h9" />
        </Svg>
      );
    case "numberedList":
      return (
        <Svg>
          <path d="M3 3.5h1.5v4M3 7.5h3M3 12.5c0-1 3-1 3 .5 0 1-3 2-3 3.5h3" strokeWidth="1.4" />
          <path d="M9 5h8M9 10h8M9 15h8" />
        </Svg>
      );
    case "link":
      return (
        <Svg>
          <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1" />
          <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
        </Svg>
      );
    case "quote":
      return (
        <Svg>
          <path d="M4 4v12" strokeWidth="2.4" />
          <path d="M8 6h9M8 10h9M8 14h6" />
        </Svg>
      );
    case "image":
      return (
        <Svg>
          <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
          <circle cx="7" cy="8" r="1.5" />
          <path d="M3 15l4.5-4.5 3 3 2-2 4.5 4.5" />
        </Svg>
      );
  }
}
