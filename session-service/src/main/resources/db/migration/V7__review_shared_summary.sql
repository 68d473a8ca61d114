-- Issue 16, hole 5: what a review shares with the client, apart from the practitioner's own text.
alter table review add column shared_summary text;   -- encrypted
