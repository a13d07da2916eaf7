-- Pages of articles filtered by language or outlet, in date order, for
-- the web UI and the API ("dossier serve"), without a scan of the table.
CREATE INDEX articles_lang_date ON articles(lang, date, id);
CREATE INDEX articles_outlet_date ON articles(outlet COLLATE NOCASE, date, id);
