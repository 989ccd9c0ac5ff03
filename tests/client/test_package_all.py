"""``anthropic.__all__`` is locked: adding or removing a public name is a deliberate edit."""

from __future__ import annotations

import anthropic

EXPECTED_ALL = [
    "AI_PROMPT",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "HUMAN_PROMPT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Anthropic",
    "AnthropicError",
    "AsyncAPIResponse",
    "AsyncAnthropic",
    "AsyncClient",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "BaseModel",
    "BatchCreateOutcomeUnknownError",
    "BatchCreateTimeoutError",
    "BatchNotEndedError",
    "Client",
    "ConflictError",
    "DeadlineExceededError",
    "DefaultAioHttpClient",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "InternalServerError",
    "InvalidBatchRequestError",
    "MissingCredentialsError",
    "NoneType",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "OverloadedError",
    "PaginationError",
    "PermissionDeniedError",
    "ProxiesTypes",
    "RateLimitError",
    "RequestOptions",
    "RequestTooLargeError",
    "ResultsDecodeError",
    "ServiceUnavailableError",
    "Stream",
    "Timeout",
    "Transport",
    "UnprocessableEntityError",
    "__title__",
    "__version__",
    "emulator",
    "file_from_path",
    "lib",
    "pagination",
    "resources",
    "types",
]


def test_all_is_locked() -> None:
    assert anthropic.__all__ == EXPECTED_ALL


def test_every_name_in_all_resolves() -> None:
    for name in anthropic.__all__:
        assert getattr(anthropic, name) is not None, name


def test_aliases_and_constants() -> None:
    assert anthropic.Client is anthropic.Anthropic
    assert anthropic.AsyncClient is anthropic.AsyncAnthropic
    assert anthropic.DEFAULT_MAX_RETRIES == 2
    assert anthropic.__version__ == "0.1.0"
    assert repr(anthropic.NOT_GIVEN) == "NOT_GIVEN"
    assert not anthropic.NOT_GIVEN
    assert anthropic.Omit() == anthropic.Omit()
    assert repr(anthropic.Omit()) == "Omit()"


def test_unknown_attribute_raises() -> None:
    try:
        anthropic.does_not_exist  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "does_not_exist" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_anthropic_loads_neither_pydantic_nor_anyio() -> None:
    # Import time is a benchmark target: pydantic and anyio load on first use.
    import subprocess
    import sys

    code = (
        "import sys, anthropic; "
        "print(sorted(m for m in ('pydantic.main', 'pydantic_core', 'anyio') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_base_model_is_still_importable_from_the_package() -> None:
    from anthropic import BaseModel
    from anthropic._models import BaseModel as Impl

    assert BaseModel is Impl
