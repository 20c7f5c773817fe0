-- Editing papers: who added a paper (they may edit it), and notes whose passage is gone.
ALTER TABLE paper ADD COLUMN added_by BIGINT REFERENCES account (id) ON DELETE SET NULL;
-- A detached note keeps its original selectors and text version until someone re-attaches it.
ALTER TABLE annotation ADD COLUMN detached BOOLEAN DEFAULT FALSE NOT NULL;
