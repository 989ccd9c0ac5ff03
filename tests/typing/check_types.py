"""Type-checked only (never run by pytest): the types used the way user code uses them.

Checked with ``mypy --strict`` and ``pyright`` (strict) by ``tests/types`` tooling:

    MYPYPATH=src mypy --strict tests/typing/check_types.py
    pyright tests/typing/check_types.py
"""

from __future__ import annotations

from typing import List, Mapping

from typing_extensions import assert_never, assert_type

from anthropic import Anthropic
from anthropic.types import (
    ErrorObject,
    Message,
    MessageCreateParamsNonStreaming,
    MessageParam,
    TextBlock,
    ToolParam,
    UnknownContentBlock,
)
from anthropic.types.messages import (
    BatchCreateParams,
    MessageBatch,
    MessageBatchIndividualResponse,
    MessageBatchResult,
    MessageBatchUnknownResult,
)
from anthropic.types.messages.batch_create_params import Request


def narrow_results(line: MessageBatchIndividualResponse) -> str:
    result = line.result
    if result.type == "succeeded":
        return result.message.id
    if result.type == "errored":
        return result.error.error.message or ""
    if result.type == "canceled" or result.type == "expired":
        return result.type
    assert_type(result, MessageBatchUnknownResult)
    return "unknown"


def narrow_exhaustively(result: MessageBatchResult) -> int:
    if result.type == "succeeded":
        return 1
    elif result.type == "errored":
        return 2
    elif result.type == "canceled":
        return 3
    elif result.type == "expired":
        return 4
    elif isinstance(result, MessageBatchUnknownResult):
        return 5
    else:
        assert_never(result)


def narrow_blocks(message: Message) -> List[str]:
    texts: List[str] = []
    for block in message.content:
        if block.type == "text":
            assert_type(block, TextBlock)
            texts.append(block.text)
            for citation in block.citations or []:
                if citation.type == "char_location":
                    texts.append(str(citation.start_char_index))
        elif block.type == "tool_use":
            texts.append(block.name + str(block.input.get("city")))
        elif block.type == "thinking":
            texts.append(block.signature)
        elif isinstance(block, UnknownContentBlock):
            texts.append(str(block.to_dict()))
    return texts


def narrow_errors(error: ErrorObject) -> str:
    if error.type == "rate_limit_error" or error.type == "overloaded_error":
        return "retry later: " + error.message
    if error.type == "not_found_error":
        return error.message
    return error.type


def enum_like_fields(message: Message, batch: MessageBatch) -> bool:
    stop = message.stop_reason  # Known values autocomplete; new ones are plain strings.
    done = batch.processing_status == "ended"
    return stop in ("end_turn", "some_future_reason") and done


def counts(batch: MessageBatch) -> int:
    by_status: Mapping[str, int] = batch.request_counts
    for status in batch.request_counts:
        assert_type(status, str)
    for status, n in batch.request_counts.items():
        assert_type(status, str)
        assert_type(n, int)
    return batch.request_counts["succeeded"] + sum(by_status.values())


def build_requests(message: Message) -> BatchCreateParams:
    weather: ToolParam = {
        "name": "get_weather",
        "description": "Current weather for a city",
        "input_schema": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    }
    params: MessageCreateParamsNonStreaming = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 512,
        "system": "You are a concise assistant.",
        "metadata": {"user_id": "u-1234"},
        "temperature": 0.2,
        "stop_sequences": ["END"],
        "tools": [weather],
        "tool_choice": {"type": "auto"},
        "service_tier": "standard_only",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Weather?"}]}],
    }
    history: List[MessageParam] = [
        {"role": "user", "content": "Prove that there are infinitely many primes."},
        {"role": "assistant", "content": message.content},  # response blocks go back as-is
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18 C"},
                {
                    "type": "image",
                    "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"},
                },
                {
                    "type": "document",
                    "source": {"type": "text", "media_type": "text/plain", "data": "..."},
                    "citations": {"enabled": True},
                    "cache_control": {"type": "ephemeral", "ttl": "1h"},
                },
            ],
        },
    ]
    requests: List[Request] = [
        {"custom_id": "weather_tool-2", "params": params},
        {
            "custom_id": "think-3",
            "params": {
                "model": "claude-sonnet-4-20250514",
                "max_tokens": 4096,
                "thinking": {"type": "enabled", "budget_tokens": 2048},
                "messages": history,
                "stream": False,
            },
        },
    ]
    return {"requests": requests}


def per_call_options_are_type_checked(client: Anthropic) -> None:
    # The official keywords are accepted, with their types checked (CallOptions).
    batch = client.messages.batches.retrieve(
        "msgbatch_1", extra_headers={"x": "1"}, extra_query={"q": 1}, timeout=5.0
    )
    assert_type(batch, MessageBatch)
    client.messages.batches.retrieve("msgbatch_1", timeout="soon")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.messages.batches.retrieve("msgbatch_1", extra_headrs={})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
