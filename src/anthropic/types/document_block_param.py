"""``DocumentBlockParam``: a document (PDF, text or custom content) in a user message."""

from typing import Optional, Union

from typing_extensions import Literal, Required, TypeAlias, TypedDict

from .base64_pdf_source_param import Base64PDFSourceParam
from .cache_control_ephemeral_param import CacheControlEphemeralParam
from .citations_config_param import CitationsConfigParam
from .content_block_source_param import ContentBlockSourceParam
from .plain_text_source_param import PlainTextSourceParam
from .url_pdf_source_param import URLPDFSourceParam

__all__ = ["DocumentBlockParam", "Source"]

Source: TypeAlias = Union[
    Base64PDFSourceParam, PlainTextSourceParam, ContentBlockSourceParam, URLPDFSourceParam
]
"""Where the document comes from."""


class DocumentBlockParam(TypedDict, total=False):
    """``{"type": "document", "source": {...}}``; set ``citations`` to let the model cite it."""

    type: Required[Literal["document"]]
    source: Required[Source]
    cache_control: Optional[CacheControlEphemeralParam]
    citations: CitationsConfigParam
    context: Optional[str]
    """Information about the document for the model; it is not cited."""
    title: Optional[str]
