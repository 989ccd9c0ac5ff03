"""Public names live at the official SDK's module paths; importing them stays cheap."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import anthropic.types
import anthropic.types.messages
import anthropic.types.shared

REQUIRED = {
    "anthropic.types.messages": [
        "MessageBatch", "MessageBatchRequestCounts", "DeletedMessageBatch",
        "MessageBatchIndividualResponse", "MessageBatchResult", "MessageBatchSucceededResult",
        "MessageBatchErroredResult", "MessageBatchCanceledResult", "MessageBatchExpiredResult",
        "MessageBatchUnknownResult", "BatchCreateParams", "BatchListParams",
    ],
    "anthropic.types.messages.batch_create_params": ["BatchCreateParams", "Request"],
    "anthropic.types.messages.batch_list_params": ["BatchListParams"],
    "anthropic.types.messages.message_batch": ["MessageBatch"],
    "anthropic.types.messages.message_batch_request_counts": ["MessageBatchRequestCounts"],
    "anthropic.types.messages.deleted_message_batch": ["DeletedMessageBatch"],
    "anthropic.types.messages.message_batch_individual_response": [
        "MessageBatchIndividualResponse"
    ],
    "anthropic.types.messages.message_batch_result": ["MessageBatchResult"],
    "anthropic.types.messages.message_batch_succeeded_result": ["MessageBatchSucceededResult"],
    "anthropic.types.messages.message_batch_errored_result": ["MessageBatchErroredResult"],
    "anthropic.types.messages.message_batch_canceled_result": ["MessageBatchCanceledResult"],
    "anthropic.types.messages.message_batch_expired_result": ["MessageBatchExpiredResult"],
    "anthropic.types.shared": [
        "ErrorResponse", "InvalidRequestError", "AuthenticationError", "BillingError",
        "PermissionError", "NotFoundError", "RateLimitError", "GatewayTimeoutError",
        "APIErrorObject", "OverloadedError", "ErrorObject",
    ],
    "anthropic.types": [
        "Message", "ContentBlock", "TextBlock", "ThinkingBlock", "RedactedThinkingBlock",
        "ToolUseBlock", "ServerToolUseBlock", "WebSearchToolResultBlock", "UnknownContentBlock",
        "TextCitation", "CitationCharLocation", "CitationPageLocation",
        "CitationContentBlockLocation", "CitationsWebSearchResultLocation",
        "CitationsSearchResultLocation", "UnknownTextCitation", "Usage", "CacheCreation",
        "ServerToolUsage", "StopReason", "Model", "ModelParam", "ErrorResponse", "ErrorObject",
        "MessageCreateParams", "MessageCreateParamsNonStreaming", "MessageParam",
        "TextBlockParam", "ImageBlockParam", "DocumentBlockParam", "ToolUseBlockParam",
        "ToolResultBlockParam", "ThinkingBlockParam", "RedactedThinkingBlockParam",
        "SearchResultBlockParam", "ContentBlockParam", "CacheControlEphemeralParam",
        "TextCitationParam", "ToolParam", "ToolChoiceParam", "ToolChoiceAutoParam",
        "ToolChoiceAnyParam", "ToolChoiceToolParam", "ToolChoiceNoneParam",
        "ThinkingConfigParam", "ThinkingConfigEnabledParam", "ThinkingConfigDisabledParam",
        "MetadataParam", "ToolUnionParam",
        # official names that are ours under another name (same objects, see below)
        "AnthropicBetaParam", "MessageCountTokensToolParam", "BetaErrorResponse", "BetaError",
        "BetaAPIError", "BetaAuthenticationError", "BetaBillingError", "BetaNotFoundError",
        "BetaGatewayTimeoutError", "BetaInvalidRequestError", "BetaOverloadedError",
        "BetaPermissionError", "BetaRateLimitError",
    ],
    "anthropic.types.message_create_params": [
        "MessageCreateParams", "MessageCreateParamsBase", "MessageCreateParamsNonStreaming",
        "MessageCreateParamsStreaming",
    ],
}  # fmt: skip


@pytest.mark.parametrize("module", sorted(REQUIRED))
def test_required_names(module: str) -> None:
    mod = importlib.import_module(module)
    missing = [name for name in REQUIRED[module] if not hasattr(mod, name)]
    assert not missing


@pytest.mark.parametrize(
    "package", [anthropic.types, anthropic.types.messages, anthropic.types.shared]
)
def test_all_lists_exactly_the_exports(package: object) -> None:
    names = package.__all__  # type: ignore[attr-defined]
    assert sorted(names) == names
    assert all(hasattr(package, name) for name in names)


def test_every_module_name_matches_its_public_name() -> None:
    # Each param / model module is importable on its own and exports what __all__ says.
    root = Path(anthropic.types.__file__).parent
    for path in root.rglob("*.py"):
        if path.name.startswith("_"):
            continue
        rel = path.relative_to(root.parent.parent).with_suffix("")
        mod = importlib.import_module(".".join(rel.parts))
        assert mod.__all__, rel
        assert all(hasattr(mod, name) for name in mod.__all__), rel


def test_official_alias_names_are_the_same_objects() -> None:
    import anthropic.types.beta
    import anthropic.types.shared as shared

    t = anthropic.types
    assert t.AnthropicBetaParam is anthropic.types.beta.AnthropicBetaParam
    assert t.MessageCountTokensToolParam is t.ToolUnionParam
    assert t.BetaErrorResponse is shared.ErrorResponse and t.BetaAPIError is shared.APIErrorObject
    assert t.BetaError is shared.ErrorObject and t.BetaNotFoundError is shared.NotFoundError


def test_types_permission_error_does_not_shadow_the_builtin_elsewhere() -> None:
    assert anthropic.types.PermissionError is not PermissionError
    assert anthropic.types.PermissionError.__module__ == "anthropic.types.shared.permission_error"


def test_import_is_cheap() -> None:
    # Importing creates classes only: no pydantic schema is built until first use.
    code = (
        "import anthropic.types as t, anthropic.types.messages as m\n"
        "built = [c.__name__ for c in (t.Message, t.TextBlock, t.Usage, m.MessageBatch,"
        " m.MessageBatchIndividualResponse) if c.__pydantic_complete__]\n"
        "assert not built, built\n"
    )
    src = Path(anthropic.types.__file__).parents[2]
    env = {"PYTHONPATH": str(src), "PATH": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
