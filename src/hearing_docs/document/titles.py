"""The summary's title, broken into balanced lines once for every output.

In: the ``Summary`` (its title, one entry per line of the content) and the
``Theme`` (fonts, size, text width).
Out: the title's printed lines, as marked-up text: each line of the content
stays a line; one too long for the text width is broken into as few lines as
it needs, of widths as even as possible, so no word is left alone on the last.

WeasyPrint and Word would each fill a line greedily, and neither balances the
lines of a paragraph the way the other could follow; so the breaks are chosen
here, from the fonts' own advance widths, and both outputs print them as line
breaks.
"""

from __future__ import annotations

from hearing_docs.content import markup
from hearing_docs.content.markup import Marked, Run
from hearing_docs.content.model import Summary
from hearing_docs.fonts import metrics
from hearing_docs.templateset.theme import Theme

# Lines are planned a little narrower than the page, so that a rounding in
# either engine's measure never pushes a planned line's last word over.
_ROOM = 0.98


def title_lines(summary: Summary, theme: Theme) -> list[Marked]:
    """The title as printed, one entry per line (bold, as the Title style sets it)."""
    fonts, size = theme.text.fonts, theme.text.size
    width = theme.page.text_width * _ROOM

    def measure(word: list[Run]) -> float:
        return sum(metrics.width(run.text, fonts, (True, run.italic), size) for run in word)

    space = metrics.width(" ", fonts, (True, False), size)
    printed: list[Marked] = []
    for line in summary.title_lines:
        words = markup.words(line)
        widths = [measure(word) for word in words]
        groups = _balanced(widths, space, width)
        if len(groups) == 1:
            printed.append(line)
            continue
        printed += [Marked(markup.join(words[start:end])) for start, end in groups]
    return printed


def _balanced(widths: list[float], space: float, width: float) -> list[tuple[int, int]]:
    """(start, end) of each line: the fewest lines a greedy fill needs, with the widest
    of them as narrow as it can be."""

    def line_width(start: int, end: int) -> float:
        return sum(widths[start:end]) + space * (end - start - 1)

    count, start = 0, 0
    while start < len(widths):  # greedy: how many lines are needed at all
        end = start + 1
        while end < len(widths) and line_width(start, end + 1) <= width:
            end += 1
        count, start = count + 1, end
    total = len(widths)
    # best[k][i]: the narrowest widest line for the first i words in k lines, and its breaks.
    best: dict[tuple[int, int], tuple[float, list[tuple[int, int]]]] = {(0, 0): (0.0, [])}
    for lines in range(1, count + 1):
        for end in range(1, total + 1):
            options = [
                (
                    max(best[lines - 1, start][0], line_width(start, end)),
                    [*best[lines - 1, start][1], (start, end)],
                )
                for start in range(end)
                if (lines - 1, start) in best
            ]
            if options:
                best[lines, end] = min(options, key=lambda option: option[0])
    return best[count, total][1]
