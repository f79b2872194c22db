// GeminiCodec: see the helper's work.
