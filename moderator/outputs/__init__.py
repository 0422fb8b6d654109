"""Output writers: tables (csv/jsonl/parquet), the moderation queue, reports and summaries."""
