/**
 * Every dynamic page and route (a `[param]` in .next/server/app-paths-manifest.json),
 * with what it answers for an id that names nothing: 404 unless said otherwise.
 * Whatever the id, the answer is never a 5xx.
 */

export type DynamicPath = {
  /** The key in app-paths-manifest.json. */
  key: string;
  /** The address with `id` in every `[param]`. */
  path: (id: string) => string;
  /** The status for an unknown or invalid id (other than broken encoding and NUL, which the server answers itself). */
  unknown: number;
  /** Where a redirect answer goes. */
  location?: string;
};

const at = (key: string, path: (id: string) => string, unknown = 404, location?: string): DynamicPath => ({ key, path, unknown, location });

export const dynamicPaths: DynamicPath[] = [
  // Link pages explain an unknown, used or expired link on the page itself.
  at("/(auth)/uitnodiging/[token]/page", (id) => `/uitnodiging/${id}`, 200),
  at("/(auth)/wachtwoord-herstellen/[token]/page", (id) => `/wachtwoord-herstellen/${id}`, 200),
  at("/afmelden/[token]/page", (id) => `/afmelden/${id}`, 200),
  at("/(beheer)/beheer/gebruikers/[id]/page", (id) => `/beheer/gebruikers/${id}`),
  at("/(beheer)/beheer/gebruikers/[id]/gegevens/page", (id) => `/beheer/gebruikers/${id}/gegevens`),
  at("/(beheer)/beheer/gebruikers/[id]/gegevens/download/route", (id) => `/beheer/gebruikers/${id}/gegevens/download`),
  at("/(beheer)/beheer/programma/experimenten/[id]/page", (id) => `/beheer/programma/experimenten/${id}`),
  at("/(beheer)/beheer/programma/gemeenten/[id]/page", (id) => `/beheer/programma/gemeenten/${id}`),
  at("/(beheer)/beheer/taxonomie/[kind]/[id]/page", (id) => `/beheer/taxonomie/opgaven/${id}`),
  at("/(beheer)/beheer/taxonomie/[kind]/[id]/page", (id) => `/beheer/taxonomie/${id}/${id}`),
  at("/(portal)/experimenten/[slug]/page", (id) => `/experimenten/${id}`),
  at("/(portal)/gemeenten/[slug]/page", (id) => `/gemeenten/${id}`),
  at("/(portal)/lessen/[id]/page", (id) => `/lessen/${id}`),
  at("/(portal)/mensen/[id]/page", (id) => `/mensen/${id}`),
  at("/(portal)/lessen/[id]/bewerken/page", (id) => `/lessen/${id}/bewerken`),
  at("/(portal)/opgaven/[slug]/page", (id) => `/opgaven/${id}`),
  at("/(portal)/themas/[slug]/page", (id) => `/themas/${id}`),
  at("/(portal)/updates/[id]/page", (id) => `/updates/${id}`),
  at("/(portal)/updates/[id]/bewerken/page", (id) => `/updates/${id}/bewerken`),
  at("/(portal)/updates/[id]/versies/page", (id) => `/updates/${id}/versies`),
  // Someone else's or an unknown notification goes back to the list.
  at("/(portal)/meldingen/[id]/route", (id) => `/meldingen/${id}`, 303, "/meldingen"),
  at("/beelden/[id]/route", (id) => `/beelden/${id}`),
  at("/feed/[token]/route", (id) => `/feed/${id}`),
  // GET changes nothing: it sends the browser to the confirm page, which explains the link.
  at("/api/afmelden/[token]/route", (id) => `/api/afmelden/${id}`, 303, "/afmelden/"),
  // next-auth answers an action it does not know with 400.
  at("/api/auth/[...nextauth]/route", (id) => `/api/auth/${id}`, 400),
];

/** Ids that name nothing, as they appear in the address. */
export function badIds(tag: string): { label: string; id: string; status?: number }[] {
  return [
    { label: "unknown id", id: `e2ezonbekend${tag}` },
    { label: "unknown slug", id: `onbekend-${tag}` },
    { label: "quote", id: "a'b" },
    { label: "500 characters", id: "x".repeat(500) },
    { label: "non-ASCII", id: "%E2%82%AC" },
    { label: "markup", id: "%3Cscript%3E" },
    // Broken percent-encoding and control characters: the project's server answers these before Next.js.
    { label: "broken encoding", id: "%ZZ", status: 400 },
    { label: "NUL", id: "%00", status: 404 },
  ];
}
