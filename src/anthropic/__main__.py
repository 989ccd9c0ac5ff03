"""``python -m anthropic ...``: the ``anthropic-batches`` command line (see ``anthropic.cli``)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m anthropic"))
