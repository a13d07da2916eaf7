-- The place of each article's document in the work queue: relating takes
-- pending articles in that order (the order one process would have read
-- them in), and only up to the queue's acknowledgement floor, below which
-- every document is stored.
CREATE TABLE queue_order (
	article_id TEXT PRIMARY KEY,
	seq        BIGINT NOT NULL
);
CREATE INDEX queue_order_seq ON queue_order (seq);
