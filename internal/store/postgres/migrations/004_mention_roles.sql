-- A person's role or title as written with the name ("ministre de
-- l'Intérieur"), kept on the mention (the SQLite store's migration 008).
ALTER TABLE mentions ADD COLUMN role TEXT NOT NULL DEFAULT '';
