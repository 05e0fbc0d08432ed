-- Every ledger row is written twice: inserted when claimed, updated when settled. Room on each page
-- lets the update stay on the same page (a HOT update: no new index entry), which halves the index
-- work of a send. Applies to pages written from now on.
ALTER TABLE "send_ledger" SET (fillfactor = 70);
