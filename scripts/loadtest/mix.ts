/**
 * What the people do, as autocannon request sequences. Each connection is
 * one signed-in person (setupClient gives it its cookie) who repeats a visit:
 * the updates table, a filter, a search, a page further, several updates
 * opened, one comment posted and one "nuttig" mark — ten reads and two
 * writes, the writes through their server actions as the browser sends them.
 */
import { randomUUID } from "node:crypto";
import type { Client, Request, RequestContext, RequestParams } from "autocannon";
import { Random } from "../bench/prng";
import { actionHeaders, encodeActionForm, parseActionResult, updatePageRouterState } from "./server-action";
import type { Person, Target, World } from "./world";

export const ROUTES = {
  table: "updates: standaard",
  browse: "updates: bladeren",
  filter: "updates: filter",
  search: "updates: zoeken",
  open: "update openen",
  comment: "reactie plaatsen",
  mark: "nuttig markeren",
  health: "GET /api/health",
} as const;
export type RouteName = (typeof ROUTES)[keyof typeof ROUTES];
export const WRITE_ROUTES: ReadonlySet<RouteName> = new Set([ROUTES.comment, ROUTES.mark]);

export type Actions = { postComment: string; toggleAppreciation: string };

type Visit = { updates: Target[]; opgave: string; opgave2: string; municipality: string; page: number };
type Context = RequestContext & { person?: Person; visit?: Visit; actionOk?: boolean };

/** The browser's headers for a page: a browser takes gzip, so the server compresses as it would in use. */
const pageHeaders = (person: Person) => ({ accept: "text/html,application/xhtml+xml", "accept-encoding": "gzip", cookie: person.cookie });

/**
 * Gives every connection its own person, round the list, before its first
 * request is built, and starts each one at another step of the visit, so
 * that even a short measurement with slow answers sees every step.
 */
export function personPerConnection(people: readonly Person[]): (client: Client) => void {
  let next = 0;
  return (client) => {
    const index = next++;
    const iterator = client.requestIterator;
    iterator.initialContext = { person: people[index % people.length]! };
    iterator.resetContext();
    iterator.currentRequestIndex = index % iterator.requests.length;
    iterator.currentRequest = iterator.requests[iterator.currentRequestIndex]!;
    iterator.rebuildRequest();
  };
}

type Setup = NonNullable<Request["setupRequest"]>;
type Build<T> = (context: Required<Pick<Context, "person">> & Context) => T;

/**
 * autocannon builds each connection's first request before setupClient has
 * given it a person; that draft is built again once it has one.
 */
const withPerson =
  (setup: (request: Parameters<Setup>[0], context: Required<Pick<Context, "person">> & Context) => ReturnType<Setup>): Setup =>
  (request, context: Context) =>
    context.person ? setup(request, context as Required<Pick<Context, "person">> & Context) : request;

function get(route: RouteName, path: Build<string>): Request {
  return {
    route,
    method: "GET",
    setupRequest: withPerson((request, context) => ({ ...request, path: path(context), headers: pageHeaders(context.person) })),
  };
}

function action(
  route: RouteName,
  actionId: string,
  origin: string,
  fields: Build<{ updateId: string; form: Record<string, string> }>,
): Request {
  return {
    route,
    method: "POST",
    setupRequest: withPerson((request, context) => {
      const { updateId, form } = fields(context);
      const { contentType, body } = encodeActionForm(form);
      const headers = actionHeaders({
        actionId,
        origin,
        cookie: context.person.cookie,
        contentType,
        routerState: updatePageRouterState(updateId),
      });
      return { ...request, path: `/updates/${updateId}`, headers, body } satisfies RequestParams;
    }),
    // A refused action still answers 200: its result line says whether it worked.
    onResponse: (status, body, context: Context) => {
      context.actionOk = status === 200 && parseActionResult(body)?.ok === true;
    },
  };
}

/** One visit of a person, the same steps for everyone, each visit with its own updates and filters. */
export function visitRequests(world: Omit<World, "people">, actions: Actions, origin: string, seed = 2026): Request[] {
  const random = new Random(seed);
  const pick = <T>(list: readonly T[]) => list[random.int(0, list.length - 1)]!;
  // Made at the visit's first step (a connection may start anywhere); autocannon empties the context after the last.
  const visit: Build<Visit> = (context) => {
    if (context.visit) return context.visit;
    // Someone else's updates: nobody may mark their own.
    const others = () => {
      for (;;) {
        const update = pick(world.updates);
        if (update.authorId !== context.person.id) return update;
      }
    };
    context.visit = {
      updates: Array.from({ length: 5 }, others),
      opgave: pick(world.opgaven),
      opgave2: pick(world.opgaven),
      municipality: pick(world.municipalities),
      page: random.int(2, 40),
    };
    return context.visit;
  };
  const updateOf = (context: Parameters<Build<unknown>>[0], index: number) => visit(context).updates[index]!.id;
  const open = (index: number) => get(ROUTES.open, (context) => `/updates/${updateOf(context, index)}`);
  return [
    get(ROUTES.table, () => "/updates"),
    open(0),
    get(ROUTES.filter, (context) => `/updates?opgave=${visit(context).opgave}&municipality=${visit(context).municipality}`),
    open(1),
    action(ROUTES.comment, actions.postComment, origin, (context) => ({
      updateId: updateOf(context, 1),
      form: {
        updateId: updateOf(context, 1),
        clientKey: randomUUID(),
        body: `Belastingtest: een vraag van ${context.person.email.split("@")[0]} over deze aanpak.`,
      },
    })),
    get(ROUTES.search, () => `/updates?q=${encodeURIComponent(world.searchWord)}`),
    open(2),
    action(ROUTES.mark, actions.toggleAppreciation, origin, (context) => ({
      updateId: updateOf(context, 2),
      form: { updateId: updateOf(context, 2), appreciated: "true" },
    })),
    get(ROUTES.browse, (context) => `/updates?page=${visit(context).page}`),
    open(3),
    get(ROUTES.filter, (context) => `/updates?opgave=${visit(context).opgave}&opgave=${visit(context).opgave2}&opgaveMode=all`),
    open(4),
  ];
}

/** Only one page, over and over, each connection as its own person. */
export function singleRequest(route: RouteName, path: string): Request[] {
  return [
    {
      route,
      method: "GET",
      setupRequest: withPerson((request, context) => ({ ...request, path, headers: pageHeaders(context.person) })),
    },
  ];
}

/** Whether the answer a connection just got counts as an error: any status but 2xx, or an action that did not say ok. */
export function isFailure(client: Client, route: RouteName, status: number): boolean {
  if (status < 200 || status >= 300) return true;
  return WRITE_ROUTES.has(route) && (client.requestIterator.context as Context).actionOk !== true;
}
