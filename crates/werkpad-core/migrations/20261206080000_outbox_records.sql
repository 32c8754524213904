-- One outbox row per record write instead of one per field: a write of several fields is a
-- record operation (field '*', value an object of field to value), and `bases` holds the
-- server sequence this laptop had seen of each of those fields (JSON object, NULL when it
-- had seen none). Rows written before stay plain operations with their own base_seq.
ALTER TABLE outbox ADD COLUMN bases TEXT;
