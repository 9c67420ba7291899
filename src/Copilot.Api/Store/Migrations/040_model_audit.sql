-- Model audit per suggestion, beside the model and prompt_version columns of 001_core.
-- tokens_in, tokens_out, cost_usd and first_token_ms come with 030_analytics (the store writes
-- them when they exist); this adds the rest. NULL for offline suggestions.
ALTER TABLE suggestions ADD COLUMN total_ms REAL;
ALTER TABLE suggestions ADD COLUMN flags TEXT;    -- JSON array of guardrail flags shown with the suggestion
