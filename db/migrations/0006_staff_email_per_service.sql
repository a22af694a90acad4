DROP INDEX "staff_users_email_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_service_email_idx" ON "staff_users" USING btree ("service_id",lower("email"));