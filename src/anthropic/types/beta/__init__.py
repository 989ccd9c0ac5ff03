"""Models and params of the beta endpoints (``anthropic.types.beta``).

The Message Batches types of ``client.beta.messages.batches`` live in
``anthropic.types.beta.messages``.
"""

from .anthropic_beta_param import AnthropicBetaParam as AnthropicBetaParam
from .beta_container import BetaContainer as BetaContainer
from .beta_message import BetaMessage as BetaMessage

__all__ = ["AnthropicBetaParam", "BetaContainer", "BetaMessage"]
