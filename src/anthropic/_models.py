"""The pydantic base model every response type derives from, and the parsing helpers.

    batch = MessageBatch.model_validate_json(raw_bytes)   # strict, fast path
    batch.to_dict()                                        # plain JSON-able dict
    batch._request_id                                      # "req_..." on top-level responses

Invariants:
- Unknown fields are kept (``extra="allow"``) so data from newer API versions survives a
  round trip through ``to_dict()``.
- ``_request_id`` is *not* a pydantic private attribute: private attributes add a Python
  call to every nested model construction (measured at ~3x the parse cost of a results
  line). It is written with ``object.__setattr__`` on the top-level model only, and reads
  as ``None`` everywhere else.
- Schemas are built lazily (``defer_build``) so ``import anthropic`` stays cheap.
"""

from __future__ import annotations

import functools
import typing
from typing import TYPE_CHECKING, Any, Literal, Optional, TypeVar, Union, cast

import pydantic
from pydantic import ConfigDict, TypeAdapter, ValidationError

from ._gc_pause import paused_gc

__all__ = [
    "BaseModel",
    "UnusableBody",
    "construct_lenient",
    "get_adapter",
    "parse_json",
    "recover",
    "set_request_id",
]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=pydantic.BaseModel)


class BaseModel(pydantic.BaseModel):
    """Base of every response model: extra fields kept, lazy schema, ``to_dict``/``to_json``."""

    model_config = ConfigDict(
        extra="allow",
        defer_build=True,
        populate_by_name=True,
        protected_namespaces=(),
        arbitrary_types_allowed=True,
    )

    if TYPE_CHECKING:
        # The id of the API request that returned this object (top-level objects only).
        _request_id: Optional[str]
    else:

        def __getattr__(self, name: str) -> Any:
            # Only reached when normal lookup fails, so this costs nothing on hot paths.
            if name == "_request_id":
                return None
            return super().__getattr__(name)

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        by_alias: bool = True,
        exclude_unset: bool = True,
        exclude_none: bool = False,
    ) -> dict[str, object]:
        """Return the model as a plain dict, by default exactly the keys the API sent.

        ``mode="json"`` makes every value JSON-serializable (datetimes become strings).
        """
        return self.model_dump(
            mode=mode,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_none=exclude_none,
            warnings=False,  # leniently built models hold raw values on purpose
        )

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        by_alias: bool = True,
        exclude_unset: bool = True,
        exclude_none: bool = False,
    ) -> str:
        """Return the model as a JSON string (pretty-printed with ``indent=2`` by default)."""
        return self.model_dump_json(
            indent=indent,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_none=exclude_none,
            warnings=False,
        )


def set_request_id(obj: object, request_id: Optional[str]) -> None:
    """Attach the response's request id to a parsed top-level model (no-op for non-models)."""
    if isinstance(obj, pydantic.BaseModel):
        object.__setattr__(obj, "_request_id", request_id)


@functools.cache
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def get_adapter(tp: type[_T]) -> TypeAdapter[_T]:
    """A cached ``TypeAdapter`` for ``tp`` (unions, lists, generics: anything but a model)."""
    return cast("TypeAdapter[_T]", _adapter(cast(Any, tp)))


class UnusableBody(ValueError):
    """JSON that cannot stand for the expected type even leniently (reason in the message)."""


def parse_json(tp: type[_T], content: Union[bytes, str]) -> _T:
    """Parse JSON bytes straight into ``tp`` with pydantic's JSON parser.

    If the payload does not fit the declared type (the API changed shape), fall back to a
    lenient construction instead of failing: a long results loop must not die on one line.
    Raises ``UnusableBody`` for bytes that are not JSON, and for JSON that cannot be a
    ``tp`` at all (see ``recover``).
    """
    try:
        with paused_gc(len(content)):  # a big body (a page of batches): see _gc_pause
            if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
                return cast(_T, tp.model_validate_json(content))
            return get_adapter(tp).validate_json(content)
    except ValidationError as exc:
        if _is_json_syntax_error(exc):
            raise UnusableBody(f"not valid JSON ({exc.errors()[0]['msg']})") from None
        import json

        return cast(_T, recover(tp, json.loads(content)))


def recover(tp: Any, value: object) -> Any:
    """Leniently build ``tp`` from JSON ``value`` that failed validation.

    A model needs a JSON object that has at least its required top-level fields; anything
    less (``null``, ``5``, ``[]``, an object of another kind) raises ``UnusableBody``
    rather than handing the caller a half-built object whose attributes fail later.
    """
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        data = _as_object(value)
        missing = [
            info.alias or name
            for name, info in tp.model_fields.items()
            if info.is_required() and (info.alias or name) not in data
        ]
        if missing:
            raise UnusableBody(f"missing required field(s) {', '.join(missing)}")
    return construct_lenient(tp, value)


def _as_object(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise UnusableBody(f"expected a JSON object, got {type(value).__name__}")
    return cast("dict[str, object]", value)


def _is_json_syntax_error(exc: ValidationError) -> bool:
    return any(err["type"] == "json_invalid" for err in exc.errors(include_url=False))


def construct_lenient(tp: Any, value: object) -> Any:
    """Build ``tp`` from ``value`` as well as possible, never raising.

    Valid parts are validated normally; a model whose fields do not validate is built with
    ``model_construct`` (recursing into fields whose annotation is itself a model, a list
    or a union), so attribute access keeps working for everything that was sent.
    """
    try:
        return get_adapter(tp).validate_python(value)
    except ValidationError:
        pass
    except Exception:  # pragma: no cover - exotic annotations we cannot adapt
        return value
    origin = typing.get_origin(tp)
    if origin is Union or _is_annotated(tp):
        member = _pick_member(_union_members(tp), value)
        return value if member is None else construct_lenient(member, value)
    if origin in (list, typing.List) and isinstance(value, list):
        (item_tp,) = typing.get_args(tp) or (Any,)
        return [construct_lenient(item_tp, v) for v in cast("list[object]", value)]
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel) and isinstance(value, dict):
        data = cast("dict[str, Any]", value)
        fields: dict[str, Any] = {}
        for name, info in tp.model_fields.items():
            key = info.alias or name
            if key in data:
                fields[name] = construct_lenient(info.annotation, data[key])
        extra = {k: v for k, v in data.items() if k not in fields and k not in _aliases(tp)}
        return tp.model_construct(**fields, **extra)
    return value


def _union_members(tp: Any) -> list[Any]:
    """The members of a (possibly nested, possibly Annotated) union, flattened."""
    if _is_annotated(tp):
        return _union_members(typing.get_args(tp)[0])
    if typing.get_origin(tp) is Union:
        return [m for arg in typing.get_args(tp) for m in _union_members(arg)]
    return [tp]


def _pick_member(members: list[Any], value: object) -> Any:
    """The union member a lenient value belongs to, chosen by its ``type`` tag.

    A known tag picks the model declaring it (a malformed "succeeded" result stays a
    succeeded result); an unknown tag picks the fallback model (one whose ``type`` is not
    a Literal), so an unknown kind is never relabelled as a known one.
    """
    models = [m for m in members if isinstance(m, type) and issubclass(m, pydantic.BaseModel)]
    tag = cast("dict[str, object]", value).get("type") if isinstance(value, dict) else None
    if isinstance(tag, str) and models:
        for model in models:
            if tag in _literal_tags(model):
                return model
        for model in models:
            if not _literal_tags(model):
                return model
    if models:
        return models[0]
    return next((m for m in members if m is not type(None)), None)


def _literal_tags(model: type[pydantic.BaseModel]) -> tuple[object, ...]:
    info = model.model_fields.get("type")
    if info is None or typing.get_origin(info.annotation) is not Literal:
        return ()
    return typing.get_args(info.annotation)


def _aliases(tp: type[pydantic.BaseModel]) -> set[str]:
    return {info.alias for info in tp.model_fields.values() if info.alias}


def _is_annotated(tp: Any) -> bool:
    return typing.get_origin(tp) is typing.Annotated
