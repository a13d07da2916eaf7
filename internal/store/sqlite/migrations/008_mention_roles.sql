-- A person's role or title as written with the name ("ministre de
-- l'Intérieur"), kept on the mention.
ALTER TABLE mentions ADD COLUMN role TEXT NOT NULL DEFAULT '';
