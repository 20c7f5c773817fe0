-- A double-submitted form or a retried request must save one note, not two. The reader's forms
-- and script send a key generated for each rendered form ("Idempotency-Key" on the JSON API);
-- it is stored with the note, and the constraint guarantees one note per person and key even
-- when two requests race. Notes saved without a key keep NULL, which never collides.
ALTER TABLE annotation ADD COLUMN request_key VARCHAR(64);
ALTER TABLE annotation ADD CONSTRAINT annotation_request_key_uq UNIQUE (author_id, request_key);
