public import Conversation

/// The OpenAI Responses API (`POST /v1/responses`) as an ingress dialect: clients speak it, and the gateway
/// reaches providers through the other codecs. Pure translation between the wire format and the canonical
/// `Conversation` model (shared/wire-formats.md §3, §11.16 G); no I/O.
///
/// Decisions the reference leaves open, in one place:
/// - The gateway keeps no stored state, so everything that needs it is refused with a 400 naming the
///   parameter: `previous_response_id`, `conversation`, `prompt`, `background: true`, `item_reference` items,
///   `file_id` images and `input_file` parts. `store: true` is accepted and ignored; the answer's `store` is
///   `false` so that a client does not count on retrieving it later.
/// - Built-in tools (`web_search`, `file_search`, `code_interpreter`, `computer_use_preview`, `mcp`, …) and
///   custom (free-form) tools are refused: silently dropping a tool changes what the model does (§11.4).
/// - A function tool without `strict` stays non-strict: OpenAI would rewrite such a schema into strict form,
///   but the gateway does not rewrite schemas, and forcing `strict: true` on an unrewritten schema makes
///   OpenAI-compatible providers reject it.
/// - `reasoning` input items are dropped: their `encrypted_content` is OpenAI's and no other provider can use
///   it. Thinking in an answer is surfaced as a `reasoning` output item whose `summary` holds the thinking
///   text (§11.11), placed where the provider put it (before the message, as OpenAI does); thinking without
///   text (Anthropic's redacted thinking) produces no item.
/// - `system` and `developer` messages inside `input` are hoisted into the canonical system prompt after
///   `instructions`, in order (§11.1).
/// - Ids are derived deterministically from the provider's id: `resp_<core>`, and `msg_<core>_<n>`,
///   `fc_<core>_<n>`, `rs_<core>_<n>` for the item at output index n, so a streamed and a non-streamed answer
///   to the same provider reply carry the same ids.
public enum OpenAIResponses {
    /// The gateway's own `POST /v1/responses/compact`: the whole answer's text, every text block concatenated
    /// (thinking and tool calls left out). The edge reports usage in response headers.
    public static func compactText(_ response: ChatResponse) -> String {
        var text = ""
        for case .text(let part) in response.blocks { text += part }
        return text
    }
}
