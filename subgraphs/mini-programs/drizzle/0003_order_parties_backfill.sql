-- Orders placed before `order_parties` existed: every ISV that placed an order on a mini program is
-- a party to it. Orders' event log records each placement (`from` null); its projection inserts the
-- same rows with ON CONFLICT DO NOTHING, so running both is harmless. A database without Orders'
-- log yet has no orders to backfill.
DO $$
BEGIN
  IF to_regclass('orders.event_log') IS NOT NULL THEN
    INSERT INTO "mini_programs"."order_parties" ("mini_program_id", "isv_workspace_id")
    SELECT DISTINCT ("payload"->>'miniProgramId')::uuid, ("payload"->>'isvWorkspaceId')::uuid
    FROM "orders"."event_log"
    WHERE "type" = 'order.status_changed' AND "payload"->>'from' IS NULL
    ON CONFLICT DO NOTHING;
  END IF;
END $$;
