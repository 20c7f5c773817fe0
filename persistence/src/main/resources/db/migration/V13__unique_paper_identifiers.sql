-- An arXiv id or a DOI names one paper: two imports of the same paper at the same moment cannot
-- both be saved (the second is refused and offered the first). NULLs stay allowed many times.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
DROP INDEX paper_arxiv_idx;
DROP INDEX paper_doi_idx;
CREATE UNIQUE INDEX paper_arxiv_uq ON paper (arxiv_id);
CREATE UNIQUE INDEX paper_doi_uq ON paper (doi);
