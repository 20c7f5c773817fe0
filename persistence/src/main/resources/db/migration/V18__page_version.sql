-- Moves after every write on any instance sharing the database (web.system.PageVersion): a page
-- rendered while it stood is current, so the reader can answer 304 Not Modified.
create sequence page_version start with 1;
