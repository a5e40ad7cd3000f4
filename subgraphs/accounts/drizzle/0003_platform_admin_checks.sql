CREATE TABLE "accounts"."platform_admin_checks" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts"."platform_admin_checks" ADD CONSTRAINT "platform_admin_checks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"."accounts"("id") ON DELETE no action ON UPDATE no action;