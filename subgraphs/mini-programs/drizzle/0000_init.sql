CREATE SCHEMA "mini_programs";
--> statement-breakpoint
CREATE TABLE "mini_programs"."consumer_offsets" (
	"consumer" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."directory_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "directory_accounts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."directory_members" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "directory_members_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."directory_workspaces" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"verification_status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."domains" (
	"mini_program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"domain" text NOT NULL,
	CONSTRAINT "domains_mini_program_id_kind_domain_pk" PRIMARY KEY("mini_program_id","kind","domain")
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."event_log" (
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
CREATE TABLE "mini_programs"."isv_authorizations" (
	"mini_program_id" uuid PRIMARY KEY NOT NULL,
	"isv_workspace_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"since" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."mini_program_members" (
	"mini_program_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by_isv_workspace_id" uuid,
	"added_by" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mini_program_members_mini_program_id_account_id_pk" PRIMARY KEY("mini_program_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."mini_programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_workspace_id" uuid NOT NULL,
	"target_app" text NOT NULL,
	"name" text NOT NULL,
	"tagline" text NOT NULL,
	"description" text NOT NULL,
	"logo_upload_id" uuid NOT NULL,
	"industry" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" text NOT NULL,
	"trial_version_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"secret_hash" text NOT NULL,
	"status" text NOT NULL,
	"detected_type" text,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"uploaded_at" timestamp (3) with time zone,
	"consumed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."version_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"gray_percentage" integer,
	"actor_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mini_program_id" uuid NOT NULL,
	"version" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"package_upload_id" uuid NOT NULL,
	"package_size" integer NOT NULL,
	"package_sha256" text NOT NULL,
	"gray_percentage" integer,
	"rejection_reason" text,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"reviewed_at" timestamp (3) with time zone,
	"reviewed_by" uuid,
	"released_at" timestamp (3) with time zone,
	CONSTRAINT "versions_number_unique" UNIQUE("mini_program_id","version")
);
--> statement-breakpoint
CREATE TABLE "mini_programs"."visits" (
	"mini_program_id" uuid NOT NULL,
	"visitor_id" text NOT NULL,
	"page" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "visits_mini_program_id_visitor_id_page_occurred_at_pk" PRIMARY KEY("mini_program_id","visitor_id","page","occurred_at")
);
--> statement-breakpoint
ALTER TABLE "mini_programs"."domains" ADD CONSTRAINT "domains_mini_program_id_mini_programs_id_fk" FOREIGN KEY ("mini_program_id") REFERENCES "mini_programs"."mini_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mini_programs"."mini_program_members" ADD CONSTRAINT "mini_program_members_mini_program_id_mini_programs_id_fk" FOREIGN KEY ("mini_program_id") REFERENCES "mini_programs"."mini_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mini_programs"."mini_programs" ADD CONSTRAINT "mini_programs_logo_upload_id_uploads_id_fk" FOREIGN KEY ("logo_upload_id") REFERENCES "mini_programs"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mini_programs"."version_transitions" ADD CONSTRAINT "version_transitions_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "mini_programs"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mini_programs"."versions" ADD CONSTRAINT "versions_mini_program_id_mini_programs_id_fk" FOREIGN KEY ("mini_program_id") REFERENCES "mini_programs"."mini_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mini_programs"."versions" ADD CONSTRAINT "versions_package_upload_id_uploads_id_fk" FOREIGN KEY ("package_upload_id") REFERENCES "mini_programs"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_members_account_id_index" ON "mini_programs"."directory_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "event_log_stream_idx" ON "mini_programs"."event_log" USING btree ("stream_id","position");--> statement-breakpoint
CREATE INDEX "mini_program_members_account_id_index" ON "mini_programs"."mini_program_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "mini_programs_merchant_idx" ON "mini_programs"."mini_programs" USING btree ("merchant_workspace_id","id");--> statement-breakpoint
CREATE INDEX "version_transitions_version_id_at_index" ON "mini_programs"."version_transitions" USING btree ("version_id","at");--> statement-breakpoint
CREATE INDEX "versions_mini_program_idx" ON "mini_programs"."versions" USING btree ("mini_program_id","id");--> statement-breakpoint
CREATE INDEX "versions_review_idx" ON "mini_programs"."versions" USING btree ("status","submitted_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_under_review" ON "mini_programs"."versions" USING btree ("mini_program_id") WHERE status = 'UNDER_REVIEW';--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_gray" ON "mini_programs"."versions" USING btree ("mini_program_id") WHERE status = 'GRAY';--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_released" ON "mini_programs"."versions" USING btree ("mini_program_id") WHERE status = 'RELEASED';--> statement-breakpoint
CREATE INDEX "visits_time_idx" ON "mini_programs"."visits" USING btree ("mini_program_id","occurred_at");