DROP INDEX "alerts_response_idx";--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "concerns" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "out_of_hours" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "outcome" text;--> statement-breakpoint
-- issue 14: one alert per response, listing every concern it raised. Idempotent: safe to run
-- again. Must run after the columns "concerns", "out_of_hours" and "outcome" exist and before
-- the unique index "alerts_response_idx" is created.

-- 1. Every alert lists its concerns (older rows kept only the question ids).
UPDATE "alerts" SET "concerns" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('kind', "alerts"."kind", 'questionId', q)), '[]'::jsonb)
  FROM jsonb_array_elements_text("alerts"."question_ids") AS q
)
WHERE "concerns" = '[]'::jsonb AND jsonb_array_length("question_ids") > 0;
--> statement-breakpoint
-- 2. Where one response raised two alerts (a concern and a "please review"), the first raised
--    (a concern before a please-review) keeps every concern; it is acknowledged or closed only
--    if all of them were, and it keeps the highest escalation level reached.
WITH ranked AS (
  SELECT "id", "response_id",
         row_number() OVER (PARTITION BY "response_id" ORDER BY CASE WHEN "kind" = 'concern' THEN 0 ELSE 1 END, "raised_at", "id") AS n
  FROM "alerts"
), merged AS (
  SELECT r."response_id",
         (SELECT k."id" FROM ranked k WHERE k."response_id" = r."response_id" AND k.n = 1) AS keeper,
         CASE WHEN bool_or(a."kind" = 'concern') THEN 'concern' ELSE 'please_review' END AS kind,
         (SELECT jsonb_agg(DISTINCT q) FROM "alerts" b, jsonb_array_elements(b."question_ids") q WHERE b."response_id" = r."response_id") AS question_ids,
         (SELECT jsonb_agg(DISTINCT c) FROM "alerts" b, jsonb_array_elements(b."concerns") c WHERE b."response_id" = r."response_id") AS concerns,
         max(a."escalation_level") AS escalation_level,
         CASE WHEN bool_and(a."acknowledged_at" IS NOT NULL) THEN max(a."acknowledged_at") END AS acknowledged_at,
         CASE WHEN bool_and(a."closed_at" IS NOT NULL) THEN max(a."closed_at") END AS closed_at,
         min(a."next_escalation_at") FILTER (WHERE a."closed_at" IS NULL AND a."acknowledged_at" IS NULL) AS next_escalation_at,
         string_agg(a."action_taken", E'\n\n' ORDER BY a."raised_at") AS action_taken
  FROM "alerts" a JOIN ranked r ON r."id" = a."id"
  GROUP BY r."response_id"
  HAVING count(*) > 1
)
UPDATE "alerts" SET
  "kind" = m.kind,
  "question_ids" = coalesce(m.question_ids, '[]'::jsonb),
  "concerns" = coalesce(m.concerns, '[]'::jsonb),
  "escalation_level" = m.escalation_level,
  "acknowledged_at" = m.acknowledged_at,
  "acknowledged_by" = CASE WHEN m.acknowledged_at IS NULL THEN NULL ELSE "alerts"."acknowledged_by" END,
  "closed_at" = m.closed_at,
  "closed_by" = CASE WHEN m.closed_at IS NULL THEN NULL ELSE "alerts"."closed_by" END,
  "next_escalation_at" = m.next_escalation_at,
  "action_taken" = m.action_taken
FROM merged m
WHERE "alerts"."id" = m.keeper;
--> statement-breakpoint
-- 3. Emails still waiting about a merged-away alert now point at the one that remains.
UPDATE "outbox" SET "payload" = jsonb_set("outbox"."payload", '{alertId}', to_jsonb(k."id"::text))
FROM "alerts" gone, "alerts" k
WHERE "outbox"."sent_at" IS NULL
  AND "outbox"."payload"->>'alertId' = gone."id"::text
  AND k."response_id" = gone."response_id" AND k."id" <> gone."id"
  AND k."id" = (SELECT x."id" FROM "alerts" x WHERE x."response_id" = gone."response_id"
                ORDER BY CASE WHEN x."kind" = 'concern' THEN 0 ELSE 1 END, x."raised_at", x."id" LIMIT 1);
--> statement-breakpoint
-- 4. Remove the merged-away alerts (the audit trail keeps their history under their old ids).
DELETE FROM "alerts" a
WHERE a."id" <> (SELECT x."id" FROM "alerts" x WHERE x."response_id" = a."response_id"
                 ORDER BY CASE WHEN x."kind" = 'concern' THEN 0 ELSE 1 END, x."raised_at", x."id" LIMIT 1);
--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_response_idx" ON "alerts" USING btree ("response_id");