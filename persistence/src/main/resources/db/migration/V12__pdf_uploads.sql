-- A PDF uploaded to add a paper, kept between the upload and the member's confirming the
-- proposed title and authors, so no half paper enters the library. In the database so that
-- whichever instance answers the confirmation finds it; expired uploads are deleted.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
CREATE TABLE pdf_upload (
    token       VARCHAR(64)   NOT NULL PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    file_name   VARCHAR(255)  NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    content     BYTEA         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pdf_upload_account_idx ON pdf_upload (account_id);
CREATE INDEX pdf_upload_created_idx ON pdf_upload (created_at);
