CREATE TABLE `annual_targets` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`trainees` integer NOT NULL,
	`funds_budget` integer NOT NULL,
	`batch_id` integer,
	PRIMARY KEY(`region_code`, `year`),
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "annual_targets_non_negative" CHECK("annual_targets"."trainees" >= 0 AND "annual_targets"."funds_budget" >= 0)
);
--> statement-breakpoint
CREATE TABLE `data_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `fund_audits` (
	`id` integer PRIMARY KEY NOT NULL,
	`class_id` integer NOT NULL,
	`audited_on` text NOT NULL,
	`amount` integer NOT NULL,
	`status` text NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`class_id`) REFERENCES `training_classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audits_amount" CHECK("fund_audits"."amount" >= 0)
);
--> statement-breakpoint
CREATE INDEX `audits_class_idx` ON `fund_audits` (`class_id`);--> statement-breakpoint
CREATE INDEX `audits_date_idx` ON `fund_audits` (`audited_on`);--> statement-breakpoint
CREATE TABLE `fund_reallocations` (
	`id` integer PRIMARY KEY NOT NULL,
	`round` integer NOT NULL,
	`from_code` text NOT NULL,
	`to_code` text NOT NULL,
	`amount` integer NOT NULL,
	`reallocated_on` text NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`from_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reallocations_amount" CHECK("fund_reallocations"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `reallocations_date_idx` ON `fund_reallocations` (`reallocated_on`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_name_unique` ON `institutions` (`name`);--> statement-breakpoint
CREATE TABLE `occupations` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `occupations_name_unique` ON `occupations` (`name`);--> statement-breakpoint
CREATE TABLE `region_month_rollup` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`classes_opened` integer NOT NULL,
	`classes_finished` integer NOT NULL,
	`trainees` integer NOT NULL,
	`subsidised` integer NOT NULL,
	`funds_audited` integer NOT NULL,
	PRIMARY KEY(`region_code`, `year`, `month`),
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rollup_year_month_idx` ON `region_month_rollup` (`year`,`month`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text
);
--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_code`);--> statement-breakpoint
CREATE TABLE `training_classes` (
	`id` integer PRIMARY KEY NOT NULL,
	`class_no` text NOT NULL,
	`region_code` text NOT NULL,
	`institution_id` integer NOT NULL,
	`occupation_id` integer NOT NULL,
	`training_type_id` integer NOT NULL,
	`opened_on` text NOT NULL,
	`finished_on` text,
	`enrolled` integer NOT NULL,
	`completed` integer NOT NULL,
	`subsidised` integer NOT NULL,
	`subsidy_standard` integer NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`occupation_id`) REFERENCES `occupations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`training_type_id`) REFERENCES `training_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "classes_people" CHECK("training_classes"."completed" >= 0 AND "training_classes"."completed" <= "training_classes"."enrolled" AND "training_classes"."subsidised" >= 0 AND "training_classes"."subsidised" <= "training_classes"."completed"),
	CONSTRAINT "classes_dates" CHECK("training_classes"."finished_on" IS NULL OR "training_classes"."finished_on" >= "training_classes"."opened_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_classes_class_no_unique` ON `training_classes` (`class_no`);--> statement-breakpoint
CREATE INDEX `classes_region_opened_idx` ON `training_classes` (`region_code`,`opened_on`);--> statement-breakpoint
CREATE INDEX `classes_region_finished_idx` ON `training_classes` (`region_code`,`finished_on`);--> statement-breakpoint
CREATE INDEX `classes_institution_idx` ON `training_classes` (`institution_id`);--> statement-breakpoint
CREATE TABLE `training_types` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_types_code_unique` ON `training_types` (`code`);