import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The JS schema engine (WebAssembly shipped in the npm package) needs no
// downloaded binary. It connects through the same driver adapter as the app.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the embedded database first (npm run db:migration does).");
    // allowExitOnIdle: the CLI exits as soon as it is done instead of after the pool's idle timeout.
    return new PrismaPg({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 100 });
  },
});
