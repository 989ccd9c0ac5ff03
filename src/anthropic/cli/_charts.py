"""``summary``'s small bar charts (result types, output tokens per message) and its cost.

On a terminal with rich the bars are drawn by rich; elsewhere they are plain ``#`` bars,
so a log still shows the shape. Pure formatting: ``bar_lines`` has no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Sequence, Tuple

from ._output import Output

if TYPE_CHECKING:
    from ..lib import JobCost, ResultsSummary

__all__ = ["bar_lines", "show_charts", "show_cost"]

_WIDTH = 30


def bar_lines(rows: Sequence[Tuple[str, int]], width: int = _WIDTH) -> List[Tuple[str, str, str]]:
    """``(label, bar, count)`` per row, the longest bar ``width`` characters."""
    top = max((n for _, n in rows), default=0)
    out: List[Tuple[str, str, str]] = []
    for label, n in rows:
        length = 0 if top == 0 else max(1 if n else 0, round(width * n / top))
        out.append((label, "#" * length, f"{n:,}"))
    return out


def _chart(out: Output, title: str, rows: Sequence[Tuple[str, int]]) -> None:
    if not rows:
        return
    console = out._rich_console()
    label_width = max(len(label) for label, _ in rows)
    if console is None:
        out.line(title)
        for label, bar, count in bar_lines(rows):
            out.line(f"  {label.rjust(label_width)}  {bar} {count}")
        return
    from rich.text import Text  # here: rich is optional (the cli extra)

    console.print(Text(title, style="bold"))
    for label, bar, count in bar_lines(rows):
        line = Text(f"  {label.rjust(label_width)}  ")
        line.append("█" * len(bar), style="cyan")
        line.append(f" {count}")
        console.print(line)


def show_charts(out: Output, summary: ResultsSummary) -> None:
    types = [(name, n) for name, n in summary.counts.items() if n]
    _chart(out, "results by type", types)
    _chart(out, "output tokens per message", summary.tally.histogram_rows())


def show_cost(out: Output, cost: JobCost) -> None:
    discount = f" after a {cost.batch_discount:.0%} batch discount" if cost.batch_discount else ""
    out.line(f"cost{discount}: {cost.total:,.4f}")
    for model, amount in cost.by_model.items():
        out.line(f"  {model}  {amount:,.4f}")
    if cost.unpriced:
        out.line(f"  not in the price table (not counted): {', '.join(cost.unpriced)}")
