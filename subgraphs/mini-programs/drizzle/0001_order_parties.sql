CREATE TABLE "mini_programs"."order_parties" (
	"mini_program_id" uuid NOT NULL,
	"isv_workspace_id" uuid NOT NULL,
	CONSTRAINT "order_parties_mini_program_id_isv_workspace_id_pk" PRIMARY KEY("mini_program_id","isv_workspace_id")
);
