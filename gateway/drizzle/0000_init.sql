CREATE SCHEMA "gateway";
--> statement-breakpoint
CREATE TABLE "gateway"."rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"available" double precision NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
