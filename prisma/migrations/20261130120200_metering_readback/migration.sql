-- What the channel itself holds for an accepted record, where it can be
-- asked (Stripe's meter event summaries), and when it was last asked.
ALTER TABLE metering_records
  ADD COLUMN channel_quantity numeric(20, 6),
  ADD COLUMN reconciled_at timestamptz(3);
