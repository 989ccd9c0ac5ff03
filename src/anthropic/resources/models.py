"""``client.models``: list the models the API key can use, and look one up.

    for model in client.models.list():            # every page, fetched as needed
        print(model.id, model.display_name)
    info = client.models.retrieve("claude-sonnet-4-20250514")

``AsyncModels`` mirrors it (``await client.models.list()`` for the first page, or
``async for`` over every model). Requests are built by ``_core/message_specs``.
"""

from __future__ import annotations

from functools import cached_property
from typing import List, Union

from typing_extensions import Unpack

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._base_client import model_parser
from .._core import message_specs as specs
from .._core.request import ResponseMode
from .._types import NOT_GIVEN, CallOptions, NotGiven
from ..pagination import AsyncPage, AsyncPaginator, SyncPage
from ..types.anthropic_beta_param import AnthropicBetaParam
from ..types.model_info import ModelInfo
from ._paging import Listing, async_first_page, first_page
from ._views import AsyncRawView, AsyncStreamedView, RawView, StreamedView, view_method

__all__ = ["AsyncModels", "Models"]

_MODEL = model_parser(ModelInfo)
_Betas = Union[List[AnthropicBetaParam], NotGiven]


def _listing(
    mode: ResponseMode,
    betas: object,
    options: CallOptions,
    after_id: Union[str, NotGiven],
    before_id: Union[str, NotGiven],
    limit: Union[int, NotGiven],
) -> Listing:
    """The pages of one ``list()`` call, checked before any I/O."""
    params = specs.models_list_params(after_id, before_id, limit)
    return Listing(specs.models_list_spec, params, specs.models_options(options, mode, betas))


class Models:
    """Sync Models resource (``client.models``)."""

    def __init__(self, client: SyncAPIClient, mode: ResponseMode = "parsed") -> None:
        self._client = client
        self._mode: ResponseMode = mode

    @cached_property
    def with_raw_response(self) -> ModelsWithRawResponse:
        """Same methods, returning ``APIResponse`` (headers, status, ``parse()``)."""
        return ModelsWithRawResponse(Models(self._client, "raw"))

    @cached_property
    def with_streaming_response(self) -> ModelsWithStreamingResponse:
        """Same methods, returning a context manager over an unread ``APIResponse``."""
        return ModelsWithStreamingResponse(Models(self._client, "stream"))

    def retrieve(
        self, model_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> ModelInfo:
        """One model by id (an alias such as ``claude-sonnet-4-0`` resolves to its id);
        ``betas`` are sent as the ``anthropic-beta`` header."""
        opts = specs.models_options(options, self._mode, betas)
        return self._client._execute(specs.model_retrieve_spec(model_id, opts), _MODEL)

    def list(
        self,
        *,
        after_id: Union[str, NotGiven] = NOT_GIVEN,
        before_id: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> SyncPage[ModelInfo]:
        """Models, newest first; iterate the page to walk every page (``limit`` 1-1000).
        ``betas`` are sent as the ``anthropic-beta`` header of every page."""
        listing = _listing(self._mode, betas, options, after_id, before_id, limit)
        return first_page(self._client, SyncPage[ModelInfo], listing)


class AsyncModels:
    """Async Models resource (``client.models`` on ``AsyncAnthropic``)."""

    def __init__(self, client: AsyncAPIClient, mode: ResponseMode = "parsed") -> None:
        self._client = client
        self._mode: ResponseMode = mode

    @cached_property
    def with_raw_response(self) -> AsyncModelsWithRawResponse:
        return AsyncModelsWithRawResponse(AsyncModels(self._client, "raw"))

    @cached_property
    def with_streaming_response(self) -> AsyncModelsWithStreamingResponse:
        return AsyncModelsWithStreamingResponse(AsyncModels(self._client, "stream"))

    async def retrieve(
        self, model_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> ModelInfo:
        """See ``Models.retrieve``."""
        opts = specs.models_options(options, self._mode, betas)
        return await self._client._execute(specs.model_retrieve_spec(model_id, opts), _MODEL)

    def list(
        self,
        *,
        after_id: Union[str, NotGiven] = NOT_GIVEN,
        before_id: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> AsyncPaginator[ModelInfo]:
        """See ``Models.list``: ``await`` it for the first page or ``async for`` every model."""
        listing = _listing(self._mode, betas, options, after_id, before_id, limit)
        return async_first_page(self._client, AsyncPage[ModelInfo], listing)


class _Methods:
    """The methods of the four views below (``resources/_views.py``)."""

    retrieve = view_method(Models.retrieve, AsyncModels.retrieve)
    list = view_method(Models.list, AsyncModels.list)


class ModelsWithRawResponse(_Methods, RawView[Models]):
    """``client.models.with_raw_response``: methods return ``APIResponse``."""


class ModelsWithStreamingResponse(_Methods, StreamedView[Models]):
    """``client.models.with_streaming_response``: ``with ... as response``."""


class AsyncModelsWithRawResponse(_Methods, AsyncRawView[AsyncModels]):
    """Async ``client.models.with_raw_response``: ``await`` a method for an ``AsyncAPIResponse``."""


class AsyncModelsWithStreamingResponse(_Methods, AsyncStreamedView[AsyncModels]):
    """Async ``client.models.with_streaming_response``: ``async with ... as response``."""
