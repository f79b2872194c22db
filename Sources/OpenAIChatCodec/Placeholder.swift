// OpenAIChatCodec: see the helper's work.
