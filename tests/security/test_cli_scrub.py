"""The CLI masks a key where it can appear, not every substring (issue 11, item 4).

Before the fix the CLI replaced every occurrence of the key in its messages, so with
``ANTHROPIC_API_KEY=e`` the error ``404 not_found_error`` was printed as
``404 not_found_***rror``.
"""

from __future__ import annotations

import json
from typing import Any, List

import httpx
import pytest

import anthropic.cli as cli_module
from anthropic import Anthropic
from anthropic.cli import _scrub, main
from support import TEST_KEY, error_response


def answer_404(monkeypatch: pytest.MonkeyPatch) -> List[httpx.Request]:
    seen: List[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return error_response(404, "not_found_error", "No message batch found with id 'x'.")

    def make_client(args: Any) -> Anthropic:
        http = httpx.Client(transport=httpx.MockTransport(reply))
        return Anthropic(api_key=args.api_key, max_retries=0, http_client=http)

    monkeypatch.setattr(cli_module, "_make_client", make_client)
    return seen


@pytest.mark.parametrize("key", ["e", "r", "not", "-", "_"])
def test_a_short_key_does_not_rewrite_unrelated_text(
    key: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", key)
    seen = answer_404(monkeypatch)
    assert main(["get", "msgbatch_x"]) == 1
    err = capsys.readouterr().err
    assert "404 not_found_error: No message batch found with id 'x'." in err
    assert "***" not in err
    assert seen[0].headers["x-api-key"] == key
    assert main(["--json", "get", "msgbatch_x"]) == 1
    error = json.loads(capsys.readouterr().err)["error"]
    assert error["error_type"] == "not_found_error" and "***" not in json.dumps(error)


def test_a_key_pasted_as_an_argument_is_still_masked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "e")
    assert main(["get", "msgbatch_x", "e"]) == 2
    assert "unrecognized arguments: ***" in capsys.readouterr().err
    monkeypatch.setenv("ANTHROPIC_API_KEY", TEST_KEY)
    assert main(["get", "msgbatch_x", TEST_KEY]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: ***" in err


@pytest.mark.parametrize(
    ("text", "secrets", "expected"),
    [
        ("not_found_error", ["e"], "not_found_error"),
        ("unrecognized arguments: e", ["e"], "unrecognized arguments: ***"),
        ("invalid choice: 'sk-1' (choose", ["sk-1"], "invalid choice: '***' (choose"),
        ("a sk-12 b sk-1", ["sk-1"], "a sk-12 b ***"),
        ("--api-key=k3y", ["k3y"], "--api-key=***"),
        ("key k3y\n", ["k3y\n"], "key ***\n"),  # a key with its file's newline
    ],
)
def test_scrub_masks_whole_tokens_only(text: str, secrets: List[str], expected: str) -> None:
    assert _scrub(text, secrets) == expected
