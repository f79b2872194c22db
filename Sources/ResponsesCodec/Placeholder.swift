// ResponsesCodec: see the helper's work.
