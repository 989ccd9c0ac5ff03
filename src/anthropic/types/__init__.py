"""Public models (responses) and TypedDict params (requests) of the API.

Module paths and names match the official SDK, so ``from anthropic.types import Message``
and ``from anthropic.types.messages import MessageBatch`` work unchanged. Models are
pydantic models that keep unknown fields; params are plain ``TypedDict``s (build them as
dict literals). Importing this package only creates classes: pydantic schemas are built
on first use.

``PermissionError`` here is the API's error *object* model, not an exception; the SDK's
exceptions live in ``anthropic`` itself.
"""

from ._beta_error_aliases import BetaAPIError as BetaAPIError
from ._beta_error_aliases import BetaAuthenticationError as BetaAuthenticationError
from ._beta_error_aliases import BetaBillingError as BetaBillingError
from ._beta_error_aliases import BetaError as BetaError
from ._beta_error_aliases import BetaErrorResponse as BetaErrorResponse
from ._beta_error_aliases import BetaGatewayTimeoutError as BetaGatewayTimeoutError
from ._beta_error_aliases import BetaInvalidRequestError as BetaInvalidRequestError
from ._beta_error_aliases import BetaNotFoundError as BetaNotFoundError
from ._beta_error_aliases import BetaOverloadedError as BetaOverloadedError
from ._beta_error_aliases import BetaPermissionError as BetaPermissionError
from ._beta_error_aliases import BetaRateLimitError as BetaRateLimitError
from .anthropic_beta_param import AnthropicBetaParam as AnthropicBetaParam
from .base64_image_source_param import Base64ImageSourceParam as Base64ImageSourceParam
from .base64_pdf_source_param import Base64PDFSourceParam as Base64PDFSourceParam
from .cache_control_ephemeral_param import CacheControlEphemeralParam as CacheControlEphemeralParam
from .cache_creation import CacheCreation as CacheCreation
from .citation_char_location import CitationCharLocation as CitationCharLocation
from .citation_char_location_param import CitationCharLocationParam as CitationCharLocationParam
from .citation_content_block_location import (
    CitationContentBlockLocation as CitationContentBlockLocation,
)
from .citation_content_block_location_param import (
    CitationContentBlockLocationParam as CitationContentBlockLocationParam,
)
from .citation_page_location import CitationPageLocation as CitationPageLocation
from .citation_page_location_param import CitationPageLocationParam as CitationPageLocationParam
from .citation_search_result_location_param import (
    CitationSearchResultLocationParam as CitationSearchResultLocationParam,
)
from .citation_web_search_result_location_param import (
    CitationWebSearchResultLocationParam as CitationWebSearchResultLocationParam,
)
from .citations_config_param import CitationsConfigParam as CitationsConfigParam
from .citations_delta import CitationsDelta as CitationsDelta
from .citations_search_result_location import (
    CitationsSearchResultLocation as CitationsSearchResultLocation,
)
from .citations_web_search_result_location import (
    CitationsWebSearchResultLocation as CitationsWebSearchResultLocation,
)
from .content_block import ContentBlock as ContentBlock
from .content_block_param import ContentBlockParam as ContentBlockParam
from .content_block_source_content_param import (
    ContentBlockSourceContentParam as ContentBlockSourceContentParam,
)
from .content_block_source_param import ContentBlockSourceParam as ContentBlockSourceParam
from .document_block_param import DocumentBlockParam as DocumentBlockParam
from .image_block_param import ImageBlockParam as ImageBlockParam
from .input_json_delta import InputJSONDelta as InputJSONDelta
from .message import Message as Message
from .message_count_tokens_params import MessageCountTokensParams as MessageCountTokensParams
from .message_count_tokens_tool_param import (
    MessageCountTokensToolParam as MessageCountTokensToolParam,
)
from .message_create_params import MessageCreateParams as MessageCreateParams
from .message_create_params import MessageCreateParamsBase as MessageCreateParamsBase
from .message_create_params import (
    MessageCreateParamsNonStreaming as MessageCreateParamsNonStreaming,
)
from .message_create_params import MessageCreateParamsStreaming as MessageCreateParamsStreaming
from .message_delta_usage import MessageDeltaUsage as MessageDeltaUsage
from .message_param import MessageParam as MessageParam
from .message_tokens_count import MessageTokensCount as MessageTokensCount
from .metadata_param import MetadataParam as MetadataParam
from .model import Model as Model
from .model_info import ModelInfo as ModelInfo
from .model_list_params import ModelListParams as ModelListParams
from .model_param import ModelParam as ModelParam
from .plain_text_source_param import PlainTextSourceParam as PlainTextSourceParam
from .raw_content_block_delta import RawContentBlockDelta as ContentBlockDelta
from .raw_content_block_delta import RawContentBlockDelta as RawContentBlockDelta
from .raw_content_block_delta_event import RawContentBlockDeltaEvent as ContentBlockDeltaEvent
from .raw_content_block_delta_event import RawContentBlockDeltaEvent as RawContentBlockDeltaEvent
from .raw_content_block_start_event import RawContentBlockStartEvent as ContentBlockStartEvent
from .raw_content_block_start_event import RawContentBlockStartEvent as RawContentBlockStartEvent
from .raw_content_block_stop_event import RawContentBlockStopEvent as ContentBlockStopEvent
from .raw_content_block_stop_event import RawContentBlockStopEvent as RawContentBlockStopEvent
from .raw_message_delta_event import RawMessageDeltaEvent as MessageDeltaEvent
from .raw_message_delta_event import RawMessageDeltaEvent as RawMessageDeltaEvent
from .raw_message_start_event import RawMessageStartEvent as MessageStartEvent
from .raw_message_start_event import RawMessageStartEvent as RawMessageStartEvent
from .raw_message_stop_event import RawMessageStopEvent as MessageStopEvent
from .raw_message_stop_event import RawMessageStopEvent as RawMessageStopEvent
from .raw_message_stream_event import RawMessageStreamEvent as MessageStreamEvent
from .raw_message_stream_event import RawMessageStreamEvent as RawMessageStreamEvent
from .redacted_thinking_block import RedactedThinkingBlock as RedactedThinkingBlock
from .redacted_thinking_block_param import RedactedThinkingBlockParam as RedactedThinkingBlockParam
from .search_result_block_param import SearchResultBlockParam as SearchResultBlockParam
from .server_tool_usage import ServerToolUsage as ServerToolUsage
from .server_tool_use_block import ServerToolUseBlock as ServerToolUseBlock
from .server_tool_use_block_param import ServerToolUseBlockParam as ServerToolUseBlockParam
from .shared import APIErrorObject as APIErrorObject
from .shared import AuthenticationError as AuthenticationError
from .shared import BillingError as BillingError
from .shared import ErrorObject as ErrorObject
from .shared import ErrorResponse as ErrorResponse
from .shared import GatewayTimeoutError as GatewayTimeoutError
from .shared import InvalidRequestError as InvalidRequestError
from .shared import NotFoundError as NotFoundError
from .shared import OverloadedError as OverloadedError
from .shared import PermissionError as PermissionError
from .shared import RateLimitError as RateLimitError
from .shared import RequestTooLargeError as RequestTooLargeError
from .shared import UnknownErrorObject as UnknownErrorObject
from .signature_delta import SignatureDelta as SignatureDelta
from .stop_reason import StopReason as StopReason
from .text_block import TextBlock as TextBlock
from .text_block_param import TextBlockParam as TextBlockParam
from .text_citation import TextCitation as TextCitation
from .text_citation_param import TextCitationParam as TextCitationParam
from .text_delta import TextDelta as TextDelta
from .thinking_block import ThinkingBlock as ThinkingBlock
from .thinking_block_param import ThinkingBlockParam as ThinkingBlockParam
from .thinking_config_disabled_param import (
    ThinkingConfigDisabledParam as ThinkingConfigDisabledParam,
)
from .thinking_config_enabled_param import ThinkingConfigEnabledParam as ThinkingConfigEnabledParam
from .thinking_config_param import ThinkingConfigParam as ThinkingConfigParam
from .thinking_delta import ThinkingDelta as ThinkingDelta
from .tool_bash_20250124_param import ToolBash20250124Param as ToolBash20250124Param
from .tool_choice_any_param import ToolChoiceAnyParam as ToolChoiceAnyParam
from .tool_choice_auto_param import ToolChoiceAutoParam as ToolChoiceAutoParam
from .tool_choice_none_param import ToolChoiceNoneParam as ToolChoiceNoneParam
from .tool_choice_param import ToolChoiceParam as ToolChoiceParam
from .tool_choice_tool_param import ToolChoiceToolParam as ToolChoiceToolParam
from .tool_param import ToolParam as ToolParam
from .tool_result_block_param import ToolResultBlockParam as ToolResultBlockParam
from .tool_text_editor_20250124_param import (
    ToolTextEditor20250124Param as ToolTextEditor20250124Param,
)
from .tool_text_editor_20250429_param import (
    ToolTextEditor20250429Param as ToolTextEditor20250429Param,
)
from .tool_text_editor_20250728_param import (
    ToolTextEditor20250728Param as ToolTextEditor20250728Param,
)
from .tool_union_param import ToolUnionParam as ToolUnionParam
from .tool_use_block import ToolUseBlock as ToolUseBlock
from .tool_use_block_param import ToolUseBlockParam as ToolUseBlockParam
from .unknown_content_block import UnknownContentBlock as UnknownContentBlock
from .unknown_content_block_delta import UnknownContentBlockDelta as UnknownContentBlockDelta
from .unknown_text_citation import UnknownTextCitation as UnknownTextCitation
from .url_image_source_param import URLImageSourceParam as URLImageSourceParam
from .url_pdf_source_param import URLPDFSourceParam as URLPDFSourceParam
from .usage import Usage as Usage
from .web_search_result_block import WebSearchResultBlock as WebSearchResultBlock
from .web_search_result_block_param import WebSearchResultBlockParam as WebSearchResultBlockParam
from .web_search_tool_20250305_param import WebSearchTool20250305Param as WebSearchTool20250305Param
from .web_search_tool_request_error_param import (
    WebSearchToolRequestErrorParam as WebSearchToolRequestErrorParam,
)
from .web_search_tool_result_block import WebSearchToolResultBlock as WebSearchToolResultBlock
from .web_search_tool_result_block_content import (
    WebSearchToolResultBlockContent as WebSearchToolResultBlockContent,
)
from .web_search_tool_result_block_param import (
    WebSearchToolResultBlockParam as WebSearchToolResultBlockParam,
)
from .web_search_tool_result_block_param_content_param import (
    WebSearchToolResultBlockParamContentParam as WebSearchToolResultBlockParamContentParam,
)
from .web_search_tool_result_error import WebSearchToolResultError as WebSearchToolResultError

__all__ = [
    "APIErrorObject",
    "AnthropicBetaParam",
    "AuthenticationError",
    "Base64ImageSourceParam",
    "Base64PDFSourceParam",
    "BetaAPIError",
    "BetaAuthenticationError",
    "BetaBillingError",
    "BetaError",
    "BetaErrorResponse",
    "BetaGatewayTimeoutError",
    "BetaInvalidRequestError",
    "BetaNotFoundError",
    "BetaOverloadedError",
    "BetaPermissionError",
    "BetaRateLimitError",
    "BillingError",
    "CacheControlEphemeralParam",
    "CacheCreation",
    "CitationCharLocation",
    "CitationCharLocationParam",
    "CitationContentBlockLocation",
    "CitationContentBlockLocationParam",
    "CitationPageLocation",
    "CitationPageLocationParam",
    "CitationSearchResultLocationParam",
    "CitationWebSearchResultLocationParam",
    "CitationsConfigParam",
    "CitationsDelta",
    "CitationsSearchResultLocation",
    "CitationsWebSearchResultLocation",
    "ContentBlock",
    "ContentBlockDelta",
    "ContentBlockDeltaEvent",
    "ContentBlockParam",
    "ContentBlockSourceContentParam",
    "ContentBlockSourceParam",
    "ContentBlockStartEvent",
    "ContentBlockStopEvent",
    "DocumentBlockParam",
    "ErrorObject",
    "ErrorResponse",
    "GatewayTimeoutError",
    "ImageBlockParam",
    "InputJSONDelta",
    "InvalidRequestError",
    "Message",
    "MessageCountTokensParams",
    "MessageCountTokensToolParam",
    "MessageCreateParams",
    "MessageCreateParamsBase",
    "MessageCreateParamsNonStreaming",
    "MessageCreateParamsStreaming",
    "MessageDeltaEvent",
    "MessageDeltaUsage",
    "MessageParam",
    "MessageStartEvent",
    "MessageStopEvent",
    "MessageStreamEvent",
    "MessageTokensCount",
    "MetadataParam",
    "Model",
    "ModelInfo",
    "ModelListParams",
    "ModelParam",
    "NotFoundError",
    "OverloadedError",
    "PermissionError",
    "PlainTextSourceParam",
    "RateLimitError",
    "RawContentBlockDelta",
    "RawContentBlockDeltaEvent",
    "RawContentBlockStartEvent",
    "RawContentBlockStopEvent",
    "RawMessageDeltaEvent",
    "RawMessageStartEvent",
    "RawMessageStopEvent",
    "RawMessageStreamEvent",
    "RedactedThinkingBlock",
    "RedactedThinkingBlockParam",
    "RequestTooLargeError",
    "SearchResultBlockParam",
    "ServerToolUsage",
    "ServerToolUseBlock",
    "ServerToolUseBlockParam",
    "SignatureDelta",
    "StopReason",
    "TextBlock",
    "TextBlockParam",
    "TextCitation",
    "TextCitationParam",
    "TextDelta",
    "ThinkingBlock",
    "ThinkingBlockParam",
    "ThinkingConfigDisabledParam",
    "ThinkingConfigEnabledParam",
    "ThinkingConfigParam",
    "ThinkingDelta",
    "ToolBash20250124Param",
    "ToolChoiceAnyParam",
    "ToolChoiceAutoParam",
    "ToolChoiceNoneParam",
    "ToolChoiceParam",
    "ToolChoiceToolParam",
    "ToolParam",
    "ToolResultBlockParam",
    "ToolTextEditor20250124Param",
    "ToolTextEditor20250429Param",
    "ToolTextEditor20250728Param",
    "ToolUnionParam",
    "ToolUseBlock",
    "ToolUseBlockParam",
    "URLImageSourceParam",
    "URLPDFSourceParam",
    "UnknownContentBlock",
    "UnknownContentBlockDelta",
    "UnknownErrorObject",
    "UnknownTextCitation",
    "Usage",
    "WebSearchResultBlock",
    "WebSearchResultBlockParam",
    "WebSearchTool20250305Param",
    "WebSearchToolRequestErrorParam",
    "WebSearchToolResultBlock",
    "WebSearchToolResultBlockContent",
    "WebSearchToolResultBlockParam",
    "WebSearchToolResultBlockParamContentParam",
    "WebSearchToolResultError",
]
