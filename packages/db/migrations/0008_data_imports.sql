CREATE TABLE `data_arrivals` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`arrived_at` text NOT NULL,
	PRIMARY KEY(`year`, `month`, `region_code`, `batch_id`),
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `data_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`natural_key` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `changes_batch_idx` ON `data_changes` (`batch_id`,`table_name`);--> statement-breakpoint
CREATE INDEX `changes_key_idx` ON `data_changes` (`table_name`,`natural_key`);--> statement-breakpoint
CREATE TABLE `period_closures` (
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`closed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`closed_by` integer,
	`closed_by_login` text,
	PRIMARY KEY(`year`, `month`),
	CONSTRAINT "closures_month" CHECK("period_closures"."month" BETWEEN 1 AND 12)
);
--> statement-breakpoint
ALTER TABLE `data_batches` ADD `import_kind` text;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `file_name` text;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `sha256` text;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `actor_id` integer;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `actor_login` text;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `inserted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `updated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `unchanged` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `deleted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `reverted_by` integer;--> statement-breakpoint
ALTER TABLE `data_batches` ADD `reverts` integer;--> statement-breakpoint
ALTER TABLE `fund_audits` ADD `audit_no` text;--> statement-breakpoint
CREATE UNIQUE INDEX `fund_audits_audit_no_unique` ON `fund_audits` (`audit_no`);--> statement-breakpoint
-- ===== hand-written backfill (keep at the end when regenerating) =====
-- Audits from before audit_no existed get a deterministic number, the one the demo generator now gives.
UPDATE `fund_audits` SET `audit_no` = 'SH' || (SELECT `class_no` FROM `training_classes` c WHERE c.`id` = `fund_audits`.`class_id`) || '-' || `id` WHERE `audit_no` IS NULL;--> statement-breakpoint
-- Data already present arrived with its batch: mark the months its classes and audits fall in.
INSERT OR IGNORE INTO `data_arrivals` (`region_code`, `year`, `month`, `batch_id`, `arrived_at`)
SELECT region_code, CAST(substr(d, 1, 4) AS INTEGER), CAST(substr(d, 6, 2) AS INTEGER), b.id, b.created_at
FROM (
  SELECT region_code, opened_on AS d, batch_id FROM training_classes
  UNION SELECT region_code, finished_on, batch_id FROM training_classes WHERE finished_on IS NOT NULL
  UNION SELECT c.region_code, a.audited_on, a.batch_id FROM fund_audits a JOIN training_classes c ON c.id = a.class_id
) x JOIN data_batches b ON b.id = x.batch_id;
