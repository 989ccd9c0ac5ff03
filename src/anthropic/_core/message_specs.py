"""Pure builders of the Messages, token-counting and Models requests.

    spec = create_spec(params, opts, client_timeout=client.timeout)   # or a ValueError
    spec = count_tokens_spec(params, opts)
    spec = models_list_spec(models_list_params(after_id, before_id, limit), opts)

Every check runs before any I/O and names the field and the fix. ``create`` applies the
same rules as a batch request's ``params`` (``batch_requests``) except that it may stream,
plus the official non-streaming guard: a request that may run past 10 minutes must stream.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Mapping, Optional, Sequence, Union, cast

import httpx

from .._types import NOT_GIVEN, CallOptions, NotGiven
from .batch_specs import Options, list_params
from .config import DEFAULT_TIMEOUT
from .paths import encode_path_param
from .request import RequestSpec, ResponseMode, serialize_json

__all__ = [
    "COUNT_TOKENS_PATH",
    "MESSAGES_PATH",
    "MODELS_PATH",
    "STREAM_HELPER_HEADERS",
    "beta_names",
    "check_message_params",
    "count_tokens_spec",
    "create_spec",
    "expected_seconds",
    "given",
    "model_retrieve_spec",
    "models_list_params",
    "models_list_spec",
    "models_options",
]

MESSAGES_PATH = "/v1/messages"
COUNT_TOKENS_PATH = "/v1/messages/count_tokens"
MODELS_PATH = "/v1/models"

_MAX_SECONDS = 60 * 60  # the longest a request may take, at the largest max_tokens
_MAX_TOKENS_SCALE = 128_000
_NONSTREAMING_LIMIT = 10 * 60


def given(params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` without the keys whose value is ``NOT_GIVEN`` (treated as absent)."""
    return {k: v for k, v in params.items() if not isinstance(v, NotGiven)}


def check_message_params(params: Mapping[str, Any], *, counting: bool = False) -> None:
    """Raise ``ValueError``/``TypeError`` naming the first bad field of a Messages body
    (``params`` already without ``NOT_GIVEN`` values)."""
    model = params.get("model")
    if not isinstance(model, str) or not model:
        raise ValueError(
            f"model must be a non-empty string, got {model!r}. "
            "Set a model such as 'claude-sonnet-4-20250514'."
        )
    if not counting:
        max_tokens = params.get("max_tokens")
        if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
            raise ValueError(
                f"max_tokens must be an integer >= 1, got {max_tokens!r}. "
                "Set it to the most tokens the answer may use, e.g. 1024."
            )
    messages: object = params.get("messages")
    kind = type(messages).__name__
    if (
        messages is None
        or isinstance(messages, (str, bytes, Mapping))
        or not isinstance(messages, Iterable)
    ):
        raise TypeError(
            f"messages must be a list of messages, got {kind}. "
            "Pass messages=[{'role': 'user', 'content': '...'}]."
        )
    stream = params.get("stream", False)
    if not isinstance(stream, bool):
        raise TypeError(f"stream must be True or False, got {stream!r}")


def expected_seconds(max_tokens: int) -> float:
    """How long the API may take to generate ``max_tokens`` (the official estimate)."""
    return _MAX_SECONDS * max_tokens / _MAX_TOKENS_SCALE


def _guard_nonstreaming(
    params: Mapping[str, Any], opts: Options, client_timeout: httpx.Timeout
) -> None:
    if params.get("stream") or not isinstance(opts.timeout, NotGiven):
        return
    if client_timeout != DEFAULT_TIMEOUT:
        return  # the user chose a timeout for the client: trust it
    max_tokens: int = params["max_tokens"]
    seconds = expected_seconds(max_tokens)
    if seconds > _NONSTREAMING_LIMIT:
        raise ValueError(
            f"Streaming is required for a request that may take longer than 10 minutes "
            f"(max_tokens={max_tokens:,} may take up to {seconds / 60:.0f} minutes). Use "
            "client.messages.stream(...) or messages.create(..., stream=True), or pass an "
            "explicit timeout= to this call (or the client) if you really want to wait."
        )


def _rank(*names: str) -> Mapping[str, int]:
    return {name: i for i, name in enumerate(names)}


# The order the official SDK writes a create / count_tokens body in (its parameters' order);
# keys it does not list keep the caller's order after these, then ``extra_body``.
_BODY_ORDER = _rank(
    "max_tokens",
    "messages",
    "model",
    "metadata",
    "service_tier",
    "stop_sequences",
    "stream",
    "system",
    "temperature",
    "thinking",
    "tool_choice",
    "tools",
    "top_k",
    "top_p",
)
# ``messages.stream``'s order: its own parameters' order, then ``"stream": true``.
_STREAM_HELPER_ORDER = _rank(
    "max_tokens",
    "messages",
    "model",
    "metadata",
    "container",
    "service_tier",
    "stop_sequences",
    "system",
    "temperature",
    "top_k",
    "top_p",
    "thinking",
    "tool_choice",
    "tools",
    "stream",
)
STREAM_HELPER_HEADERS = {"x-stainless-stream-helper": "messages"}
"""What the official ``messages.stream`` helper adds to its request's headers."""


def _body(
    params: Mapping[str, Any],
    extra_body: Optional[Mapping[str, object]],
    order: Mapping[str, int] = _BODY_ORDER,
) -> bytes:
    last = len(order)
    ordered = dict(sorted(params.items(), key=lambda item: order.get(item[0], last)))
    body: Mapping[str, Any] = {**ordered, **extra_body} if extra_body else ordered
    try:
        return serialize_json(body)
    except Exception as exc:  # pydantic_core.PydanticSerializationError and friends
        raise TypeError(
            f"the request could not be encoded as JSON: {exc}. Params must hold only JSON "
            "values (str, int, float, bool, None, lists and dicts)."
        ) from exc


def create_spec(
    params: Mapping[str, Any],
    opts: Options,
    *,
    client_timeout: httpx.Timeout,
    stream_helper: bool = False,
) -> RequestSpec:
    """``POST /v1/messages``; streams when ``params["stream"]`` is true. ``stream_helper``
    marks the request of ``messages.stream`` as the official helper does: its header
    (the caller's ``extra_headers`` still win) and its body order."""
    params = given(params)
    check_message_params(params)
    _guard_nonstreaming(params, opts, client_timeout)
    accept = "text/event-stream" if params.get("stream") else None
    if not stream_helper:
        return opts.post(MESSAGES_PATH, _body(params, opts.extra_body), accept=accept)
    headers = {**STREAM_HELPER_HEADERS, **(opts.extra_headers or {})}
    marked = Options(headers, opts.extra_query, opts.extra_body, opts.timeout, opts.mode)
    body = _body(params, opts.extra_body, _STREAM_HELPER_ORDER)
    return marked.post(MESSAGES_PATH, body, accept=accept)


def count_tokens_spec(params: Mapping[str, Any], opts: Options) -> RequestSpec:
    """``POST /v1/messages/count_tokens`` (free; safe to retry)."""
    params = given(params)
    check_message_params(params, counting=True)
    return opts.post(COUNT_TOKENS_PATH, _body(params, opts.extra_body))


def beta_names(betas: object, *, example: str = "some-beta-2025-01-01") -> List[str]:
    """The names a ``betas=[...]`` argument lists (none when it is ``NOT_GIVEN``/``None``);
    anything but a list or tuple of strings is a ``TypeError`` raised before any I/O."""
    if isinstance(betas, NotGiven) or betas is None:
        return []
    items = cast("Sequence[object]", betas) if isinstance(betas, (list, tuple)) else None
    if items is None or not all(isinstance(b, str) for b in items):
        raise TypeError(f"betas must be a list of beta names such as ['{example}'], got {betas!r}")
    return [str(b) for b in items]


def models_options(options: CallOptions, mode: ResponseMode, betas: object) -> Options:
    """A Models call's options: given ``betas`` (even an empty list, as the official SDK)
    go out as one ``anthropic-beta`` header, comma-separated; no query is added.
    ``extra_headers={"anthropic-beta": ...}`` still wins."""
    opts = Options.of(options, mode)
    if not isinstance(betas, NotGiven) and betas is not None:
        header = {"anthropic-beta": ",".join(beta_names(betas))}
        opts.extra_headers = {**header, **(opts.extra_headers or {})}
    return opts


def models_list_params(
    after_id: Union[str, NotGiven] = NOT_GIVEN,
    before_id: Union[str, NotGiven] = NOT_GIVEN,
    limit: Union[int, NotGiven] = NOT_GIVEN,
) -> dict[str, object]:
    """The query of the first page of models, checked locally."""
    return list_params(after_id, before_id, limit, of="model", none_unset=False)


def models_list_spec(params: Mapping[str, object], opts: Options) -> RequestSpec:
    return opts.spec("GET", MODELS_PATH, query=params)


def model_retrieve_spec(model_id: str, opts: Options) -> RequestSpec:
    return opts.spec("GET", f"{MODELS_PATH}/{encode_path_param('model_id', model_id)}")
