-- CreateTable
CREATE TABLE "backfill_runs" (
    "id" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "entities" TEXT[],
    "organization_ids" TEXT[],
    "batch_size" INTEGER NOT NULL,
    "checkpoint" JSONB NOT NULL DEFAULT '{}',
    "report" JSONB NOT NULL DEFAULT '{}',
    "batches" INTEGER NOT NULL DEFAULT 0,
    "duration_ms" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "backfill_runs_pkey" PRIMARY KEY ("id")
);

