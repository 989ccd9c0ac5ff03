"""``AnthropicBetaParam`` at its official import path (defined in ``types.beta``)."""

from .beta.anthropic_beta_param import AnthropicBetaParam

__all__ = ["AnthropicBetaParam"]
