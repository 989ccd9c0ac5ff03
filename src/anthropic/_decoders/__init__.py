"""The official SDK's path of the results decoders (``anthropic._decoders.jsonl``)."""
