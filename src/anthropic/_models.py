"""The pydantic base model every response type derives from, and the parsing helpers.

    batch = parse_json(MessageBatch, raw_bytes)            # lenient (the default)
    batch = parse_json(MessageBatch, raw_bytes, strict=True)  # or UnusableBody
    batch.to_dict()                                        # plain JSON-able dict
    batch._request_id                                      # "req_..." on top-level responses

The parsing rule (one rule, used for every 2xx body and every results line):

- Bytes that are not JSON (or nest deeper than the JSON parser's limit of about 200
  levels) never become a value: ``UnusableBody``, whatever the mode.
- Where a model is expected, only a JSON object can stand for it: ``null``, ``5`` or
  ``[]`` raise ``UnusableBody`` in both modes (we never hand out ``None`` typed as a model).
- Lenient (the default, as the official SDK): a JSON object always yields the model.
  Fields that validate are typed; a field that does not is kept as sent; a missing field
  reads as ``None``; an unknown union member becomes the union's ``Unknown...`` model and an
  unknown enum value stays a plain string. Our own helpers check what they rely on.
- Strict (``strict=True``, the client's ``_strict_response_validation``): anything that
  does not validate against the declared type, including an enum value the SDK does not
  know, raises ``UnusableBody`` naming the field. Unknown union members still parse, as
  the ``Unknown...`` model is part of each declared union.

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
from typing import TYPE_CHECKING, Any, Literal, Optional, TypedDict, TypeVar, Union, cast

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
    "salvage",
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
        # A default, so that type checkers do not ask for it when a model is built by hand.
        _request_id: Optional[str] = None
    else:

        def __getattr__(self, name: str) -> Any:
            # Only reached when normal lookup fails, so this costs nothing on hot paths:
            # ``_request_id`` below the top level, and a declared field that a leniently
            # built model did not receive (it reads as ``None``, as in the official SDK).
            if name == "_request_id" or name in type(self).model_fields:
                return None
            return super().__getattr__(name)

    def __str__(self) -> str:
        # ``MessageBatchRequestCounts(canceled=0, ...)``, as the official models print.
        return self.__repr__()

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = False,
    ) -> dict[str, object]:
        """Return the model as a plain dict, by default exactly the keys the API sent.

        The official SDK's keywords: ``mode="json"`` makes every value JSON-serializable
        (datetimes become strings); ``use_api_names`` keys fields by their wire names.
        ``warnings`` (pydantic's serializer warnings) is off by default: a leniently built
        model holds raw values on purpose.
        """
        kw = _dump_options(use_api_names, exclude_unset, exclude_defaults, exclude_none)
        return self.model_dump(mode=mode, warnings=warnings, **kw)

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = False,
    ) -> str:
        """Return the model as a JSON string (pretty-printed with ``indent=2`` by default);
        the keywords are ``to_dict``'s."""
        kw = _dump_options(use_api_names, exclude_unset, exclude_defaults, exclude_none)
        return self.model_dump_json(indent=indent, warnings=warnings, **kw)


class _DumpOptions(TypedDict):
    by_alias: bool
    exclude_unset: bool
    exclude_defaults: bool
    exclude_none: bool


def _dump_options(
    use_api_names: bool, exclude_unset: bool, exclude_defaults: bool, exclude_none: bool
) -> _DumpOptions:
    """pydantic's names for ``to_dict``/``to_json``'s keywords."""
    return _DumpOptions(
        by_alias=use_api_names,
        exclude_unset=exclude_unset,
        exclude_defaults=exclude_defaults,
        exclude_none=exclude_none,
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


def parse_json(tp: type[_T], content: Union[bytes, str], *, strict: bool = False) -> _T:
    """Parse JSON bytes straight into ``tp`` with pydantic's JSON parser (see the module
    docstring for the rule).

    ``strict=False`` (the default): a payload that does not fit the declared type (the API
    changed shape) is built leniently instead of failing; a long results loop must not die
    on one line. ``strict=True``: it raises ``UnusableBody`` naming the first field that
    does not validate. Either way ``UnusableBody`` is raised for bytes that are not JSON or
    nest too deeply, and for JSON that cannot be a ``tp`` at all (see ``recover``).
    """
    try:
        with paused_gc(len(content)):  # a big body (a page of batches): see _gc_pause
            if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
                return cast(_T, tp.model_validate_json(content))
            return get_adapter(tp).validate_json(content)
    except ValidationError as exc:
        return cast(_T, salvage(tp, content, exc, strict=strict))


def salvage(tp: Any, content: Union[bytes, str], exc: ValidationError, *, strict: bool) -> Any:
    """What a body that failed validation becomes: ``UnusableBody``, or (lenient) the
    leniently built value. Shared by ``parse_json`` and the results line parser."""
    errors = exc.errors(include_url=False)
    syntax = next((e for e in errors if e["type"] == "json_invalid"), None)
    if syntax is not None:
        raise UnusableBody(f"not valid JSON ({syntax['msg']})") from None
    import json

    try:
        value = json.loads(content)
    except (ValueError, RecursionError) as why:  # pragma: no cover - pydantic accepted it
        raise UnusableBody(f"not valid JSON ({why})") from None
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        _as_object(value)  # never a model from null, 5 or []
    if strict:
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "the body"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise UnusableBody(f"{where}: {first['msg']}{more}") from None
    return recover(tp, value)


def recover(tp: Any, value: object) -> Any:
    """Leniently build ``tp`` from JSON ``value`` that failed validation.

    A model needs a JSON object (``null``, ``5``, ``[]`` raise ``UnusableBody`` rather than
    handing the caller something that is not a model at all); inside it, anything goes:
    missing fields read as ``None`` and fields that do not validate are kept as sent.
    """
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        _as_object(value)
    return construct_lenient(tp, value)


def _as_object(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise UnusableBody(f"expected a JSON object, got {type(value).__name__}")
    return cast("dict[str, object]", value)


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
