CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"facilitator_id" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_links" (
	"session_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"enabled" integer DEFAULT 0 NOT NULL,
	"reveal" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "class_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"session_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" text NOT NULL,
	"at" bigint NOT NULL,
	"command_id" text,
	CONSTRAINT "events_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "facilitators" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_admin" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "facilitators_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"key" text PRIMARY KEY NOT NULL,
	"scenario_id" text NOT NULL,
	"author_id" text NOT NULL,
	"shared" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seat_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"seat_id" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"facilitator_id" text NOT NULL,
	"scenario_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "sessions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "setup_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"created_at" bigint NOT NULL,
	"used_at" bigint
);
--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_facilitator_id_facilitators_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."facilitators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_links" ADD CONSTRAINT "class_links_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_author_id_facilitators_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."facilitators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_tokens" ADD CONSTRAINT "seat_tokens_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_facilitator_id_facilitators_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."facilitators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_facilitator_idx" ON "auth_sessions" USING btree ("facilitator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_command_idx" ON "events" USING btree ("session_id","command_id");--> statement-breakpoint
CREATE INDEX "scenarios_author_idx" ON "scenarios" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "seat_tokens_session_idx" ON "seat_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sessions_facilitator_idx" ON "sessions" USING btree ("facilitator_id");