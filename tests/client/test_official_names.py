"""The official SDK's (0.66) top-level names exist, and the namespace holds no helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

import anthropic


def test_official_top_level_names() -> None:
    from anthropic import (
        AI_PROMPT,
        HUMAN_PROMPT,
        AsyncStream,
        NoneType,
        ProxiesTypes,
        RequestOptions,
        Stream,
        Transport,
        __title__,
        file_from_path,
    )

    assert (HUMAN_PROMPT, AI_PROMPT) == ("\n\nHuman:", "\n\nAssistant:")
    assert __title__ == "anthropic"
    assert NoneType is type(None)
    assert Transport is httpx.BaseTransport
    assert ProxiesTypes is not None
    assert {"headers", "params", "extra_json", "timeout", "max_retries"} <= set(
        RequestOptions.__annotations__
    )
    assert Stream.__name__ == "Stream" and AsyncStream.__name__ == "AsyncStream"
    assert callable(file_from_path)


def test_file_from_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(b"{}\n")
    assert anthropic.file_from_path(str(path)) == ("notes.jsonl", b"{}\n")


def test_namespace_has_no_helper_names() -> None:
    names = set(dir(anthropic))
    assert not names & {"Any", "TYPE_CHECKING", "annotations", "importlib", "typing"}


def test_exported_names_are_named_after_the_package() -> None:
    # As the official SDK: tracebacks and reprs read anthropic.NotFoundError, the lazily
    # loaded names included; other packages' objects (httpx's) are left alone.
    code = (
        "import traceback, anthropic\n"
        "err = anthropic.PaginationError('no more')\n"
        "line = traceback.format_exception_only(type(err), err)[-1]\n"
        "assert line == 'anthropic.PaginationError: no more\\n', line\n"
        "for name in ('NotFoundError', 'Anthropic', 'AsyncAnthropic', 'APIResponse',"
        " 'DefaultHttpxClient', 'InvalidBatchRequestError', 'file_from_path', 'Stream',"
        " 'AsyncStream', 'BaseModel', 'NotGiven'):\n"
        "    assert getattr(anthropic, name).__module__ == 'anthropic', name\n"
        "assert repr(anthropic.NotFoundError) == \"<class 'anthropic.NotFoundError'>\"\n"
        "import httpx\n"
        "assert anthropic.Transport.__module__ == 'httpx'\n"
        "assert anthropic.types.Message.__module__ == 'anthropic.types.message'\n"
    )
    env = {**os.environ, "ANTHROPIC_LOG": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


def test_a_stream_is_named_after_the_package_before_anthropic_stream_is_touched() -> None:
    code = (
        "import anthropic._streaming as s\n"
        "assert s.Stream.__module__ == s.AsyncStream.__module__ == 'anthropic'\n"
        "assert repr(s.Stream) == \"<class 'anthropic.Stream'>\"\n"
    )
    env = {**os.environ, "ANTHROPIC_LOG": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


def test_exceptions_pickle_under_their_public_name() -> None:
    import pickle

    err = anthropic.PaginationError("stop")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is anthropic.PaginationError and str(again) == "stop"


def test_streams_load_on_first_use() -> None:
    code = (
        "import sys, anthropic; assert 'anyio' not in sys.modules; "
        "anthropic.Stream; assert 'anyio' in sys.modules"
    )
    env = {**os.environ, "ANTHROPIC_LOG": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


def test_text_editor_tool_params_are_exported_and_in_the_tool_union() -> None:
    import typing

    from anthropic.types import (
        ToolTextEditor20250429Param,
        ToolTextEditor20250728Param,
        ToolUnionParam,
    )

    members = typing.get_args(ToolUnionParam)
    assert ToolTextEditor20250429Param in members
    assert ToolTextEditor20250728Param in members
    tool: ToolTextEditor20250728Param = {
        "type": "text_editor_20250728",
        "name": "str_replace_based_edit_tool",
        "max_characters": 10_000,
    }
    client = anthropic.Anthropic(api_key="k", http_client=httpx.Client(transport=_echo()))
    with client:
        batch = client.messages.batches.create(
            requests=[
                {
                    "custom_id": "edit",
                    "params": {
                        "model": "claude-sonnet-4-20250514",
                        "max_tokens": 64,
                        "messages": [{"role": "user", "content": "fix the typo"}],
                        "tools": [tool],
                    },
                }
            ]
        )
    assert batch.id


def _echo() -> httpx.MockTransport:
    from support import api_bytes

    sent = api_bytes("batch.in_progress.json")
    return httpx.MockTransport(lambda request: httpx.Response(200, content=sent))


def test_results_decoders_import_from_the_official_path() -> None:
    import httpx

    from anthropic._decoders.jsonl import AsyncJSONLDecoder, JSONLDecoder
    from anthropic._jsonl_stream import AsyncJSONLDecoder as Ours

    assert AsyncJSONLDecoder is Ours
    from support import api_bytes

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/results"):
            return httpx.Response(200, content=b'{"custom_id": "a", "result": {"type": "expired"}}')
        return httpx.Response(200, content=api_bytes("batch.ended.json"))

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with (
        anthropic.Anthropic(api_key="k", http_client=http) as c,
        c.messages.batches.results("msgbatch_1") as results,
    ):
        assert isinstance(results, JSONLDecoder)
        assert [entry.custom_id for entry in results] == ["a"]
