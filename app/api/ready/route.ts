import { db } from "@/lib/db";
import { checkReadiness, serverMigrationsOnDisk } from "@/lib/ops/readiness";
import { getUploadStorage } from "@/lib/uploads/storage";

// Always run on request: a cached answer would say nothing about the server.
export const dynamic = "force-dynamic";

/**
 * GET /api/ready — readiness for a load balancer: 200 `{ status: "ready", checks }`
 * when the database answers, its migrations are current (or ahead, during a
 * rollout) and the upload store can be used; otherwise 503 with the same
 * shape, and 503 from SIGTERM on. No session, no secrets. Liveness is /api/health.
 */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness({
    appliedMigrations: async () => {
      const rows = await db.$queryRaw<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      return new Map(rows.map((row) => [row.migration_name, row.checksum]));
    },
    migrationsOnDisk: serverMigrationsOnDisk,
    storage: getUploadStorage,
  });
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
