CREATE SCHEMA "orders";
--> statement-breakpoint
CREATE SEQUENCE "orders"."order_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "orders"."consumer_offsets" (
	"consumer" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."directory_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "directory_accounts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "orders"."directory_members" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "directory_members_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "orders"."directory_mini_programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."directory_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"isv_workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"price_amount" integer NOT NULL,
	"price_currency" text NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."directory_workspaces" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"verification_status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."event_log" (
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
CREATE TABLE "orders"."orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"service_id" uuid NOT NULL,
	"merchant_workspace_id" uuid NOT NULL,
	"isv_workspace_id" uuid NOT NULL,
	"mini_program_id" uuid NOT NULL,
	"price_amount" integer NOT NULL,
	"price_currency" text NOT NULL,
	"requirements" text NOT NULL,
	"status" text NOT NULL,
	"placed_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number"),
	CONSTRAINT "orders_idempotency_unique" UNIQUE("placed_by","idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "directory_members_account_id_index" ON "orders"."directory_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "event_log_stream_idx" ON "orders"."event_log" USING btree ("stream_id","position");--> statement-breakpoint
CREATE INDEX "orders_merchant_idx" ON "orders"."orders" USING btree ("merchant_workspace_id","id");--> statement-breakpoint
CREATE INDEX "orders_isv_idx" ON "orders"."orders" USING btree ("isv_workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_active_per_mini_program" ON "orders"."orders" USING btree ("mini_program_id") WHERE status in ('IN_DEVELOPMENT', 'CLOSURE_REQUESTED');