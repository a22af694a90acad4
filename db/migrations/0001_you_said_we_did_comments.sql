CREATE TABLE "you_said_we_did_comments" (
	"you_said_we_did_id" uuid NOT NULL,
	"comment_review_id" uuid NOT NULL,
	CONSTRAINT "you_said_we_did_comments_you_said_we_did_id_comment_review_id_pk" PRIMARY KEY("you_said_we_did_id","comment_review_id")
);
--> statement-breakpoint
ALTER TABLE "you_said_we_did_comments" ADD CONSTRAINT "you_said_we_did_comments_you_said_we_did_id_you_said_we_did_id_fk" FOREIGN KEY ("you_said_we_did_id") REFERENCES "public"."you_said_we_did"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "you_said_we_did_comments" ADD CONSTRAINT "you_said_we_did_comments_comment_review_id_comment_reviews_id_fk" FOREIGN KEY ("comment_review_id") REFERENCES "public"."comment_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "you_said_we_did_comments_review_idx" ON "you_said_we_did_comments" USING btree ("comment_review_id");