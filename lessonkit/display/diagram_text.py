"""Stage diagrams as text: the version for screen readers, printing, and readers who prefer text.

Built from the same stage data as the drawings (``lessonkit/display/diagram_svg.py``),
in Markdown, so the app and a printed handout say the same thing.
"""

from __future__ import annotations

from ..lesson.stages import Comparison, Process

NO_COUNTERPART = "tidak ada padanan sejati"


def sentence(text: str) -> str:
    """``text`` ending in a full stop (unless it already ends a sentence), so two statements never run together."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def differences(item: Comparison, processes: dict[str, Process]) -> str:
    """A comparison's main differences: one item per aspect, each side a sentence on its own line."""
    left, right = processes[item.left].title, processes[item.right].title
    lines = ["**Perbedaan utama**", ""]
    for d in item.differences:
        lines += [f"- **{d.aspect}**", f"    - {left}: {sentence(d.left)}", f"    - {right}: {sentence(d.right)}"]
    return "\n".join(lines)


def text_version(item: Process | Comparison, processes: dict[str, Process]) -> str:
    """The diagram as an ordered list; a comparison row with one side says it has no true counterpart."""
    if isinstance(item, Process):
        lines = []
        for s in item.stages:
            when = f" ({s.year})" if s.year else ""
            lines.append(f"{s.number}. **{s.title}**{when}: {s.description} *Contoh:* {s.example}")
        if item.kind == "cycle":
            lines.append(f"\nSetelah tahap {len(item.stages)}, siklus kembali ke tahap 1.")
        return "\n".join(lines)
    sides = {"left": processes[item.left], "right": processes[item.right]}
    by_side = {side: {s.id: s for s in process.stages} for side, process in sides.items()}
    lines = []
    for n, pair in enumerate(item.pairs, start=1):
        present = [(side, by_side[side][getattr(pair, side)]) for side in ("left", "right") if getattr(pair, side)]
        named = " ↔ ".join(f"**{stage.title}** ({sides[side].title})" for side, stage in present)
        lone = "" if len(present) == 2 else f" — {NO_COUNTERPART}"
        lines.append(f"{n}. {named}{lone}: {pair.note}")
    lines += ["", differences(item, processes)]
    return "\n".join(lines)
