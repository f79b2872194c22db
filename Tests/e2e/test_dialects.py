"""End-to-end: every client dialect against every provider kind, with the official SDKs.

Clients: `anthropic` (Messages), `openai` (Chat Completions and Responses), `google-genai` (model listing).
Providers: the mock speaking OpenAI (`mock/echo`), Anthropic (`anthropic/claude-test`) and Gemini
(`google/gemini-test`). Every request is checked against what the ledger billed for it.
"""
import json
import subprocess

import anthropic
import openai
import pytest
from google import genai

from tokmodel import BASE_URL, admin, new_account, new_key, wait_settled

ROOT = BASE_URL.removesuffix("/v1")
KINDS = {"openai": "mock/echo", "anthropic": "anthropic/claude-test", "gemini": "google/gemini-test"}
WEATHER_TOOL = {"name": "get_weather", "description": "Weather for a place",
                "input_schema": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}
OPENAI_WEATHER_TOOL = {"type": "function", "function": {"name": "get_weather", "description": "Weather for a place",
                                                        "parameters": WEATHER_TOOL["input_schema"]}}
EXPECTED_ARGUMENTS = {"location": "value-location"}  # the mock's deterministic arguments


@pytest.fixture(scope="module")
def account():
    return new_account("5.00", prefix="dialects")


@pytest.fixture(scope="module")
def key(account):
    return new_key(account)["secret"]


def billed(request_id):
    shown = admin("usage", "show", request_id, check=False)
    assert isinstance(shown, dict), f"request {request_id} was not billed"
    return shown


def settle(account, ids):
    wait_settled(account, ids)
    return [billed(i) for i in ids]


@pytest.mark.parametrize("kind", ["openai", "anthropic", "gemini"])
def test_anthropic_sdk_create_stream_and_tool_round_trip(account, key, kind):
    model = KINDS[kind]
    client = anthropic.Anthropic(base_url=ROOT, api_key=key, max_retries=0)
    ids = []

    raw = client.messages.with_raw_response.create(model=model, max_tokens=200, system="Be brief.",
                                                   messages=[{"role": "user", "content": "Hello there"}])
    message = raw.parse()
    ids.append(raw.headers["x-request-id"])
    assert message.type == "message" and message.role == "assistant" and message.model == model
    assert message.content[0].type == "text" and message.content[0].text.startswith("This is a mock reply to: Hello there")
    assert message.stop_reason == "end_turn"
    first_usage = message.usage

    with client.messages.stream(model=model, max_tokens=200, messages=[{"role": "user", "content": "Stream please [[mock:chunks=4]]"}]) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
        ids.append(stream.response.headers["x-request-id"])
    assert text.startswith("This is a mock reply to: Stream please")
    assert final.stop_reason == "end_turn" and final.usage.output_tokens == 12

    # A tool round trip: the model asks for the tool, the client answers, the model replies with text.
    question = {"role": "user", "content": "What is the weather in Paris? [[mock:tool]]"}
    with client.messages.stream(model=model, max_tokens=200, tools=[WEATHER_TOOL], messages=[question]) as stream:
        asked = stream.get_final_message()
        ids.append(stream.response.headers["x-request-id"])
    assert asked.stop_reason == "tool_use", "a tool call must stop with tool_use, not end_turn"
    calls = [block for block in asked.content if block.type == "tool_use"]
    assert len(calls) == 1 and calls[0].name == "get_weather" and calls[0].input == EXPECTED_ARGUMENTS
    raw = client.messages.with_raw_response.create(
        model=model, max_tokens=200, tools=[WEATHER_TOOL],
        messages=[question, {"role": "assistant", "content": asked.content},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": calls[0].id, "content": "18 degrees and sunny"}]}])
    answer = raw.parse()
    ids.append(raw.headers["x-request-id"])
    assert answer.content[0].text.startswith("Tool result received: 18 degrees and sunny")
    assert answer.stop_reason == "end_turn"

    events = settle(account, ids)
    assert events[0]["input_tokens"] == first_usage.input_tokens and events[0]["output_tokens"] == first_usage.output_tokens
    assert events[1]["output_tokens"] == 12
    assert all(e["endpoint"] == "messages" and e["usage_source"] == "provider" and e["cost_nano"] > 0 for e in events)


@pytest.mark.parametrize("kind", ["anthropic", "gemini"])
def test_openai_sdk_streams_tool_calls_from_other_providers(account, key, kind):
    model = KINDS[kind]
    client = openai.OpenAI(base_url=BASE_URL, api_key=key, max_retries=0)
    question = {"role": "user", "content": "Weather in Paris and Rome? [[mock:tools=1]] [[mock:chunks=3]]"}
    raw = client.chat.completions.with_raw_response.create(
        model=model, messages=[question], tools=[OPENAI_WEATHER_TOOL], stream=True, stream_options={"include_usage": True})
    calls, finish, usage = {}, None, None
    for chunk in raw.parse():
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            finish = choice.finish_reason or finish
            for call in choice.delta.tool_calls or []:
                entry = calls.setdefault(call.index, {"id": None, "name": None, "arguments": ""})
                entry["id"] = call.id or entry["id"]
                if call.function and call.function.name:
                    entry["name"] = call.function.name
                if call.function and call.function.arguments:
                    entry["arguments"] += call.function.arguments
    assert finish == "tool_calls"
    assert list(calls) == [0], "tool-call indices count tool calls, not content blocks"
    assert calls[0]["name"] == "get_weather" and json.loads(calls[0]["arguments"]) == EXPECTED_ARGUMENTS
    ids = [raw.headers["x-request-id"]]

    follow = client.chat.completions.with_raw_response.create(model=model, messages=[
        question,
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": calls[0]["id"], "type": "function", "function": {"name": "get_weather", "arguments": calls[0]["arguments"]}}]},
        {"role": "tool", "tool_call_id": calls[0]["id"], "content": "18 degrees and sunny"}], tools=[OPENAI_WEATHER_TOOL])
    reply = follow.parse()
    ids.append(follow.headers["x-request-id"])
    assert reply.choices[0].message.content.startswith("Tool result received: 18 degrees and sunny")

    events = settle(account, ids)
    assert (events[0]["input_tokens"], events[0]["output_tokens"]) == (usage.prompt_tokens, usage.completion_tokens)
    assert (events[1]["input_tokens"], events[1]["output_tokens"]) == (reply.usage.prompt_tokens, reply.usage.completion_tokens)


@pytest.mark.parametrize("kind", ["openai", "anthropic", "gemini"])
def test_responses_api_with_and_without_streaming(account, key, kind):
    model = KINDS[kind]
    client = openai.OpenAI(base_url=BASE_URL, api_key=key, max_retries=0)
    raw = client.responses.with_raw_response.create(model=model, instructions="Be brief.", input="Say hello")
    response = raw.parse()
    assert response.status == "completed" and response.model == model
    assert response.output_text.startswith("This is a mock reply to: Say hello")
    ids = [raw.headers["x-request-id"]]

    raw = client.responses.with_raw_response.create(model=model, input="Stream it [[mock:chunks=3]]", stream=True)
    events = list(raw.parse())
    ids.append(raw.headers["x-request-id"])
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert events[0].type == "response.created" and events[-1].type == "response.completed"
    deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
    final = events[-1].response
    assert len(deltas) >= 2 and "".join(deltas) == final.output_text
    assert final.usage.output_tokens == 12

    tool = client.responses.create(model=model, input="Weather in Oslo? [[mock:tool]]", tools=[
        {"type": "function", "name": "get_weather", "parameters": WEATHER_TOOL["input_schema"]}])
    calls = [item for item in tool.output if item.type == "function_call"]
    assert len(calls) == 1 and json.loads(calls[0].arguments) == EXPECTED_ARGUMENTS

    events = settle(account, ids)
    assert (events[0]["input_tokens"], events[0]["output_tokens"]) == (response.usage.input_tokens, response.usage.output_tokens)
    assert events[1]["output_tokens"] == 12
    assert all(e["endpoint"] == "responses" for e in events)


def test_previous_response_id_gets_a_clear_400(key):
    client = openai.OpenAI(base_url=BASE_URL, api_key=key, max_retries=0)
    with pytest.raises(openai.BadRequestError) as refused:
        client.responses.create(model="mock/echo", input="again", previous_response_id="resp_123")
    assert "previous_response_id" in str(refused.value)


def test_responses_compact_with_curl(account, key):
    body = json.dumps({"model": "anthropic/claude-test", "input": "Hello compact"})
    out = subprocess.run(["curl", "-s", "-i", f"{BASE_URL}/responses/compact", "-H", f"Authorization: Bearer {key}",
                          "-H", "Content-Type: application/json", "-d", body], capture_output=True, timeout=30).stdout.decode()
    head, _, text = out.partition("\r\n\r\n")
    headers = {line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in head.splitlines()[1:]}
    assert head.startswith("HTTP/1.1 200")
    assert headers["content-type"].startswith("text/plain")
    assert text == "This is a mock reply to: Hello compact lorem ipsum dolor sit"
    event = settle(account, [headers["x-request-id"]])[0]
    assert (event["input_tokens"], event["output_tokens"]) == (int(headers["x-tokmodel-input-tokens"]), int(headers["x-tokmodel-output-tokens"]))
    assert event["endpoint"] == "responses.compact"

    streamed = subprocess.run(["curl", "-s", "-N", f"{BASE_URL}/responses/compact", "-H", f"Authorization: Bearer {key}",
                               "-d", json.dumps({"model": "google/gemini-test", "input": "Hi [[mock:chunks=3]]", "stream": True})],
                              capture_output=True, text=True, timeout=30).stdout
    assert streamed == "This is a mock reply to: Hi lorem ipsum dolor sit amet"


def test_model_listing_through_openai_and_google_genai_sdks(key):
    ids = {m.id for m in openai.OpenAI(base_url=BASE_URL, api_key=key).models.list()}
    assert {"openai/gpt-4o", "anthropic/claude-test", "google/gemini-test"} <= ids
    # The SDK's default path (/v1/models) and Gemini's own (/v1beta/models) both answer in Gemini's shape.
    for api_version in [None, "v1beta"]:
        options = {"base_url": ROOT} | ({"api_version": api_version} if api_version else {})
        client = genai.Client(api_key=key, http_options=options)
        listed = {m.name: m for m in client.models.list(config={"page_size": 2})}
        assert {"models/openai/gpt-4o", "models/anthropic/claude-test"} <= set(listed), api_version
    assert client.models.get(model="models/google/gemini-test").display_name == "Gemini (mock)"
    assert {"models/openai/gpt-4o", "models/anthropic/claude-test", "models/google/gemini-test"} <= set(listed)
    gemini = listed["models/google/gemini-test"]
    assert gemini.input_token_limit == 1_000_000 and gemini.output_token_limit == 8192
    assert "generateContent" in gemini.supported_actions


def test_a_capability_the_model_lacks_is_refused(key):
    client = openai.OpenAI(base_url=BASE_URL, api_key=key, max_retries=0)
    with pytest.raises(openai.BadRequestError) as refused:
        client.chat.completions.create(model="mock/text-only", tools=[OPENAI_WEATHER_TOOL],
                                       messages=[{"role": "user", "content": "hi"}])
    assert "does not support tools" in str(refused.value)
    messages_client = anthropic.Anthropic(base_url=ROOT, api_key=key, max_retries=0)
    with pytest.raises(anthropic.BadRequestError) as refused:
        messages_client.messages.create(model="mock/text-only", max_tokens=10, messages=[{"role": "user", "content": [
            {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.png"}}]}])
    assert refused.value.body["error"]["type"] == "invalid_request_error"


def test_anthropic_errors_are_in_anthropic_shape(key):
    client = anthropic.Anthropic(base_url=ROOT, api_key="tm-" + "B" * 43, max_retries=0)
    with pytest.raises(anthropic.AuthenticationError) as refused:
        client.messages.create(model="mock/echo", max_tokens=10, messages=[{"role": "user", "content": "hi"}])
    assert refused.value.body["type"] == "error" and refused.value.body["error"]["type"] == "authentication_error"
    with pytest.raises(anthropic.BadRequestError):
        anthropic.Anthropic(base_url=ROOT, api_key=key, max_retries=0).messages.create(
            model="mock/echo", max_tokens=0, messages=[{"role": "user", "content": "hi"}])
