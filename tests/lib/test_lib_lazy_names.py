"""``anthropic.lib`` loads each name's module on first use: the table agrees with the
type-checking imports and ``__all__``, every name resolves to the real object, and a
first ``retrieve`` does not import the helpers it never calls."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import anthropic.lib as lib

SOURCE = Path(lib.__file__).read_text(encoding="utf-8")


def _type_checking_imports() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                module = "." * statement.level + (statement.module or "")
                for alias in statement.names:
                    found[alias.asname or alias.name] = (module, alias.name)
    return found


def test_the_lazy_table_is_the_type_checking_imports_and_all() -> None:
    assert _type_checking_imports() == lib._LAZY
    assert sorted(lib._LAZY) == sorted(lib.__all__)


@pytest.mark.parametrize("name", sorted(lib.__all__))
def test_every_name_is_its_module_object(name: str) -> None:
    import importlib

    module, attribute = lib._LAZY[name]
    expected = getattr(importlib.import_module(module, "anthropic.lib"), attribute)
    assert getattr(lib, name) is expected and name in dir(lib)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"anthropic\.lib.*no_such_helper"):
        lib.no_such_helper  # noqa: B018


def test_a_first_retrieve_loads_no_helper_it_does_not_use() -> None:
    code = """
import sys, httpx, anthropic
body = b'{"id": "msgbatch_1", "type": "message_batch", "processing_status": "ended",\
 "request_counts": {"processing": 0, "succeeded": 1, "errored": 0, "canceled": 0,\
 "expired": 0}, "created_at": "2024-09-13T18:37:24Z", "expires_at": "2024-09-14T18:37:24Z"}'
http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, content=body)))
client = anthropic.Anthropic(api_key="k", base_url="http://127.0.0.1:9", http_client=http)
assert client.messages.batches.retrieve("msgbatch_1").id == "msgbatch_1"
print(sorted(m for m in sys.modules if m.startswith("anthropic.lib.")))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(ast.literal_eval(out.stdout.strip().splitlines()[-1]))
    for unused in ("_summary", "_pricing", "_progress", "_save", "_job_results", "_dry_run"):
        assert f"anthropic.lib.{unused}" not in loaded
