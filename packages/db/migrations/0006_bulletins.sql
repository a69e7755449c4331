CREATE TABLE `bulletin_drafts` (
	`period` text PRIMARY KEY NOT NULL,
	`edits` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bulletin_drafts_period" CHECK("bulletin_drafts"."period" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
--> statement-breakpoint
CREATE TABLE `bulletins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`issue_number` integer NOT NULL,
	`version` integer NOT NULL,
	`correction_of` integer,
	`document` text NOT NULL,
	`pdf` blob NOT NULL,
	`docx` blob NOT NULL,
	`xlsx` blob NOT NULL,
	`pdf_sha256` text NOT NULL,
	`docx_sha256` text NOT NULL,
	`xlsx_sha256` text NOT NULL,
	`issued_by` integer NOT NULL,
	`issued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`correction_of`) REFERENCES `bulletins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bulletins_period" CHECK("bulletins"."period" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bulletins_period_version_idx` ON `bulletins` (`period`,`version`);