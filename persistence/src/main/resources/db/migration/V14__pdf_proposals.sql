-- A proposal may carry a PDF to attach: the file is stored (not current) when the proposal is
-- made, and becomes the paper's text version only when an administrator accepts it.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE paper_proposal ADD COLUMN file_id BIGINT REFERENCES paper_file (id) ON DELETE SET NULL;
