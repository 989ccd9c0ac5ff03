"""What makes a batches call a beta call: the ``anthropic-beta`` header, the ``?beta=true``
marker (sent as the official SDK sends it), and the beta models to parse into
(``BETA_MODELS``).
"""

from __future__ import annotations

from typing import Mapping, Optional, Tuple, Union

from ...._api_client import AsyncAPIClient, SyncAPIClient
from ...._core import batch_specs as specs
from ...._core.message_specs import beta_names
from ...._core.request import ResponseMode
from ...._types import NOT_GIVEN, CallOptions, Headers, Query
from ....pagination import AsyncPage, SyncPage
from ....types.beta.messages.beta_deleted_message_batch import BetaDeletedMessageBatch
from ....types.beta.messages.beta_message_batch import BetaMessageBatch
from ....types.beta.messages.beta_message_batch_individual_response import (
    BetaMessageBatchIndividualResponse,
)
from ..._paging import Listing
from ...messages._batch_calls import BatchModels, Endpoint

__all__ = [
    "BATCHES_BETA",
    "BETA_MODELS",
    "DEFAULT",
    "beta_endpoint",
    "beta_listing",
    "beta_options",
    "results_options",
    "submit_options",
]

BATCHES_BETA = "message-batches-2024-09-24"
"""The beta every call of this resource names in ``anthropic-beta``."""

_BETA_QUERY = {"beta": "true"}

BETA_MODELS = BatchModels(
    BetaMessageBatch,
    BetaDeletedMessageBatch,
    BetaMessageBatchIndividualResponse,
    lambda: SyncPage[BetaMessageBatch],
    lambda: AsyncPage[BetaMessageBatch],
)
"""What the beta resource parses into."""


def beta_endpoint(betas: object = NOT_GIVEN, *, query: bool = True) -> Endpoint:
    """The header (and with ``query``, ``?beta=true``) of a beta call; ``betas`` are named
    before the batches beta. ``extra_headers={"anthropic-beta": ...}`` still wins."""
    names = beta_names(betas, example=BATCHES_BETA)
    header = {"anthropic-beta": ",".join([*names, BATCHES_BETA])}
    return Endpoint(header, _BETA_QUERY if query else None)


def beta_options(
    client: Union[SyncAPIClient, AsyncAPIClient],
    mode: ResponseMode,
    betas: object,
    options: CallOptions,
    params: Optional[Mapping[str, object]] = None,
) -> specs.Options:
    """The options of a beta call with ``params`` as its query."""
    # As the official SDK: ``?beta=true`` only goes out on a request with no other query
    # parameter (its other parameters replace the marker), so the wire is the same.
    other = client._config.default_query or options.get("extra_query") or params
    return beta_endpoint(betas, query=not other).options(options, mode)


def beta_listing(
    client: Union[SyncAPIClient, AsyncAPIClient],
    mode: ResponseMode,
    betas: object,
    options: CallOptions,
    params: Mapping[str, object],
) -> Listing:
    """The pages of a beta list: the later pages carry a cursor, so never the
    ``?beta=true`` marker."""
    first = beta_options(client, mode, betas, options, params)
    later = beta_endpoint(betas, query=False).options(options, "parsed")
    return Listing(specs.list_spec, params, first, later)


def submit_options(
    betas: object, extra_headers: Optional[Headers], extra_query: Optional[Query]
) -> specs.Options:
    """The headers and query a beta ``submit`` hands the stable one (its creates then
    name ``betas`` and the batches beta, with ``?beta=true``)."""
    extras: CallOptions = {"extra_headers": extra_headers, "extra_query": extra_query}
    return beta_endpoint(betas).options(extras, "parsed")


def results_options(
    client: Union[SyncAPIClient, AsyncAPIClient],
    mode: ResponseMode,
    betas: object,
    options: CallOptions,
) -> Tuple[specs.Options, specs.Options]:
    """(the retrieve before a results download, the download): as the official SDK, the
    retrieve names only the batches beta, and the download goes to ``results_url``."""
    retrieve = beta_options(client, "parsed", NOT_GIVEN, options)
    return retrieve, beta_endpoint(betas).options(options, mode, results=True)


DEFAULT = beta_endpoint()
"""The endpoint of calls without ``betas`` (the workflows use it)."""
