"""The raw floor for the results scenarios: a careful user's own models and line loop.

Models cover the same fields as the SDK's ``MessageBatchIndividualResponse`` for the
lines the benchmarks send (text and tool_use blocks; succeeded / errored / canceled /
expired results), with discriminated unions on ``type``. The loop reads the body with
``iter_bytes()`` and splits on ``b"\\n"`` itself (faster than ``iter_lines()``, which
decodes to ``str``), then ``model_validate_json`` on each line's bytes.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Union

import httpx
import pydantic
from pydantic import Field
from typing_extensions import Annotated, Literal


class RawTextBlock(pydantic.BaseModel):
    type: Literal["text"]
    text: str
    citations: Optional[List[Dict[str, Any]]] = None


class RawToolUseBlock(pydantic.BaseModel):
    type: Literal["tool_use"]
    id: str
    name: str
    input: Dict[str, Any]


class RawUsage(pydantic.BaseModel):
    input_tokens: int
    output_tokens: int
    cache_creation_input_tokens: Optional[int] = None
    cache_read_input_tokens: Optional[int] = None
    service_tier: Optional[str] = None


class RawMessage(pydantic.BaseModel):
    id: str
    type: str
    role: str
    model: str
    content: List[Annotated[Union[RawTextBlock, RawToolUseBlock], Field(discriminator="type")]]
    stop_reason: Optional[str] = None
    stop_sequence: Optional[str] = None
    usage: RawUsage


class RawSucceeded(pydantic.BaseModel):
    type: Literal["succeeded"]
    message: RawMessage


class RawErrorDetail(pydantic.BaseModel):
    type: str
    message: str


class RawErrorResponse(pydantic.BaseModel):
    type: str
    error: RawErrorDetail
    request_id: Optional[str] = None


class RawErrored(pydantic.BaseModel):
    type: Literal["errored"]
    error: RawErrorResponse


class RawCanceled(pydantic.BaseModel):
    type: Literal["canceled"]


class RawExpired(pydantic.BaseModel):
    type: Literal["expired"]


class RawLine(pydantic.BaseModel):
    custom_id: str
    result: Annotated[
        Union[RawSucceeded, RawErrored, RawCanceled, RawExpired], Field(discriminator="type")
    ]


def iter_raw_lines(response: httpx.Response) -> Iterator[RawLine]:
    """Parse a streamed JSONL body line by line (bytes in, models out).

    An unfinished line's pieces are kept in a list and joined once when it ends, so one
    multi-megabyte line costs linear time (``pending + chunk`` would be quadratic)."""
    validate = RawLine.model_validate_json
    pending: List[bytes] = []
    for chunk in response.iter_bytes():
        if b"\n" not in chunk:
            pending.append(chunk)
            continue
        lines = chunk.split(b"\n")
        if pending:
            pending.append(lines[0])
            lines[0] = b"".join(pending)
            pending = []
        tail = lines.pop()
        if tail:
            pending.append(tail)
        for line in lines:
            if line:
                yield validate(line)
    rest = b"".join(pending)
    if rest.strip():
        yield validate(rest)
