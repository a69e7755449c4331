CREATE TABLE `import_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob,
	`status` text NOT NULL,
	`rows` integer NOT NULL,
	`problems` text DEFAULT '[]' NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`batch_id` integer,
	`scope` text,
	`actor_id` integer,
	`actor_login` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`reverted_by_id` integer,
	`reverted_by_login` text,
	`reverted_at` text,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_attempts_scope_idx` ON `import_attempts` (`scope`,`id`);--> statement-breakpoint
CREATE INDEX `import_attempts_prune_idx` ON `import_attempts` (`status`,`created_at`);--> statement-breakpoint
-- ===== hand-written seed (keep at the end when regenerating) =====
-- The nine training types of packages/db/src/demo/catalogue.json (copied once; a test keeps the two equal), with
-- the ids the demo gives them, so that a database prepared without the demo can import classes.
INSERT OR IGNORE INTO `training_types` (`id`, `code`, `name`) VALUES
  (1, 'employment', '就业技能培训'),
  (2, 'upgrade', '岗位技能提升培训'),
  (3, 'work-in-lieu', '以工代训'),
  (4, 'apprenticeship', '新型学徒制'),
  (5, 'entrepreneurship', '创业培训'),
  (6, 'retired-fishermen', '退捕渔民培训'),
  (7, 'hunan-women', '湘女素质提升工程'),
  (8, 'village-livestream', '村播带货'),
  (9, 'light-homes', '点亮万家灯火');
