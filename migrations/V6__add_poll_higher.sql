-- What a higher score means, in the words of the poll's template (its `higher:`, such as
-- "automated sooner"), copied in at creation like the rest of the definition.
-- NULL: "more", what ad-hoc polls and polls from before this column say.
ALTER TABLE poll ADD COLUMN higher TEXT;
