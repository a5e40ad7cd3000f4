CREATE SCHEMA "accounts";
--> statement-breakpoint
CREATE TABLE "accounts"."accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "accounts"."event_log" (
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
CREATE TABLE "accounts"."verification_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"company_name" text NOT NULL,
	"registration_number" text NOT NULL,
	"country" text NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts"."workspace_members" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_members_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "accounts"."workspaces" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"verification_status" text NOT NULL,
	"company_name" text,
	"registration_number" text,
	"country" text,
	"submitted_at" timestamp (3) with time zone,
	"reviewed_at" timestamp (3) with time zone,
	"reviewed_by" uuid,
	"rejection_reason" text
);
--> statement-breakpoint
ALTER TABLE "accounts"."verification_reviews" ADD CONSTRAINT "verification_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "accounts"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."verification_reviews" ADD CONSTRAINT "verification_reviews_reviewer_id_accounts_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "accounts"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "accounts"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."workspace_members" ADD CONSTRAINT "workspace_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."workspaces" ADD CONSTRAINT "workspaces_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "accounts"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."workspaces" ADD CONSTRAINT "workspaces_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "accounts"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_log_stream_idx" ON "accounts"."event_log" USING btree ("stream_id","position");--> statement-breakpoint
CREATE INDEX "workspace_members_account_id_index" ON "accounts"."workspace_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "workspaces_pending_idx" ON "accounts"."workspaces" USING btree ("verification_status","submitted_at","id");