CREATE SCHEMA "market";
--> statement-breakpoint
CREATE TABLE "market"."consumer_offsets" (
	"consumer" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market"."directory_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "directory_accounts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "market"."directory_members" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "directory_members_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "market"."directory_workspaces" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"verification_status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market"."event_log" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"stream_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_id" text,
	"request_id" text,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_log_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "market"."service_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"reviewer_id" uuid NOT NULL,
	"reviewed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market"."services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"isv_workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"industry" text NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"images" text[] NOT NULL,
	"applicable_apps" text[] NOT NULL,
	"price_amount" integer NOT NULL,
	"price_currency" text NOT NULL,
	"company_name" text NOT NULL,
	"company_contact_email" text NOT NULL,
	"company_contact_phone" text,
	"company_website" text,
	"status" text NOT NULL,
	"rejection_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"published_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "market"."service_reviews" ADD CONSTRAINT "service_reviews_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "market"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_members_account_id_index" ON "market"."directory_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "event_log_stream_idx" ON "market"."event_log" USING btree ("stream_id","position");--> statement-breakpoint
CREATE INDEX "services_isv_idx" ON "market"."services" USING btree ("isv_workspace_id","id");--> statement-breakpoint
CREATE INDEX "services_market_idx" ON "market"."services" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE INDEX "services_review_idx" ON "market"."services" USING btree ("status","submitted_at","id");