"""``AnthropicBetaParam`` at its beta path (defined in ``anthropic.types.anthropic_beta_param``;
the same object, as in the official SDK)."""

from ..anthropic_beta_param import AnthropicBetaParam

__all__ = ["AnthropicBetaParam"]
