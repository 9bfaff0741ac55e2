import "server-only";
import pg from "pg";
import { isShuttingDown, onShutdown, SHUTDOWN_ORDER } from "@/lib/shutdown";
import { invalidateLocally, registerListener, setListening } from "./shared";
import { CACHE_CHANNEL, parseTagPayload } from "./tags";

/**
 * The cross-process half of the shared cache: one LISTEN connection per
 * server process, so a write in another worker or instance (announced with
 * pg_notify in its transaction, delivered at commit) drops the entries here
 * too. While it is not connected the cache is off, so a lost connection
 * costs speed, never freshness.
 */

export { cached } from "./shared";
export type { CacheTag } from "./tags";

type Listener = { client: pg.Client | null; connecting: boolean };
const globalForListener = globalThis as unknown as { koppelkansCacheListener?: Listener };
const listener: Listener = (globalForListener.koppelkansCacheListener ??= { client: null, connecting: false });

function startListening() {
  const connectionString = process.env.DATABASE_URL;
  if (listener.connecting || listener.client || !connectionString || isShuttingDown()) return;
  listener.connecting = true;
  const client = new pg.Client({ connectionString, application_name: "koppelkans-cache" });
  let lost = false;
  const lose = () => {
    if (lost) return;
    lost = true;
    setListening(false);
    if (listener.client === client) listener.client = null;
    client.end().catch(() => undefined);
    // Try again after a pause; until then every read goes to the database.
    setTimeout(() => void (listener.connecting = false), 1000).unref();
  };
  client.on("notification", (message) => invalidateLocally(parseTagPayload(message.payload)));
  client.on("error", lose);
  client.on("end", lose);
  client
    .connect()
    .then(() => client.query(`LISTEN ${CACHE_CHANNEL}`))
    .then(() => {
      listener.client = client;
      listener.connecting = false;
      setListening(true);
    })
    .catch(lose);
}

registerListener(startListening);

onShutdown("cache listener", SHUTDOWN_ORDER.pool, async () => {
  const client = listener.client;
  listener.client = null;
  setListening(false);
  await client?.end();
});
