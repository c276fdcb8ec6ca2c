CREATE TABLE "doc_number_sequences" (
	"agency_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "doc_number_sequences_pkey" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "doc_number_sequences_year_check" CHECK ("doc_number_sequences"."year" between 1990 and 2100),
	CONSTRAINT "doc_number_sequences_number_check" CHECK ("doc_number_sequences"."last_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"agency_id" integer NOT NULL,
	"family" text NOT NULL,
	"title" text NOT NULL,
	"addressee" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_templates_pkey" PRIMARY KEY("agency_id","family"),
	CONSTRAINT "letter_templates_family_check" CHECK ("letter_templates"."family" in ('disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'))
);
--> statement-breakpoint
CREATE TABLE "reply_letters" (
	"agency_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"number" integer NOT NULL,
	"doc_number" text NOT NULL,
	"case_code" text NOT NULL,
	"outcome" text NOT NULL,
	"letter_date" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_letters_pkey" PRIMARY KEY("agency_id","year","number")
);
--> statement-breakpoint
CREATE TABLE "case_carry_overs" (
	"agency_id" integer NOT NULL,
	"from_year" smallint NOT NULL,
	"case_code" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_carry_overs_pkey" PRIMARY KEY("agency_id","from_year","case_code")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"agency_id" integer NOT NULL,
	"job" text NOT NULL,
	"day" date NOT NULL,
	"runs" integer DEFAULT 1 NOT NULL,
	"summary" jsonb NOT NULL,
	"last_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_runs_pkey" PRIMARY KEY("agency_id","job","day")
);
--> statement-breakpoint
CREATE TABLE "reminder_log" (
	"agency_id" integer NOT NULL,
	"case_code" text NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"recipient" text NOT NULL,
	"attempts" smallint DEFAULT 1 NOT NULL,
	"last_error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "reminder_log_pkey" PRIMARY KEY("agency_id","case_code","kind","day"),
	CONSTRAINT "reminder_log_kind_check" CHECK ("reminder_log"."kind" in ('due_soon', 'overdue', 'wait_lapsed')),
	CONSTRAINT "reminder_log_status_check" CHECK ("reminder_log"."status" in ('sending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "doc_number_sequences" ADD CONSTRAINT "doc_number_sequences_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_letters" ADD CONSTRAINT "reply_letters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_carry_overs" ADD CONSTRAINT "case_carry_overs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD CONSTRAINT "reminder_log_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_letters_case_idx" ON "reply_letters" USING btree ("agency_id","case_code");