// AnthropicCodec: see the helper's work.
