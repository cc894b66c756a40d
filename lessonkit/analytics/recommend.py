"""The recommendation per item (pakai / revisi / buang) and its reason, in Indonesian.

The rule, from the usual Indonesian practice (discrimination first, then difficulty):

| daya pembeda D | tingkat kesukaran P sedang | P sukar atau mudah |
|---|---|---|
| negatif | buang | buang |
| jelek (≤ 0,20) | revisi | buang |
| cukup (0,21–0,40) | pakai | revisi |
| baik, baik sekali (> 0,40) | pakai | pakai |

A distractor chosen more by the upper group than the lower turns "pakai" into
"revisi" (it may be right too, or the key may be wrong); distractors chosen by
fewer than 5% are named in the reason without changing the verdict. With fewer
than 2 students nothing can be judged: the recommendation is "-".
"""

from __future__ import annotations

import math

from .items import decimal

USE, REVISE, DROP, UNDECIDED = "pakai", "revisi", "buang", "-"
RULE = {
    ("negatif", True): DROP, ("negatif", False): DROP,
    ("jelek", True): REVISE, ("jelek", False): DROP,
    ("cukup", True): USE, ("cukup", False): REVISE,
    ("baik", True): USE, ("baik", False): USE,
    ("baik sekali", True): USE, ("baik sekali", False): USE,
}


def _labels(options: list[str]) -> str:
    return ", ".join(options[:-1]) + f" dan {options[-1]}" if len(options) > 1 else options[0]


def _difficulty(p: float, category: str) -> str:
    if p >= 1:
        return "semua siswa menjawab benar (P = 1,00)"
    if p <= 0:
        return "tidak ada siswa yang menjawab benar (P = 0,00)"
    return {"sukar": f"soalnya sukar (P = {decimal(p)})", "mudah": f"soalnya mudah (P = {decimal(p)})",
            "sedang": f"tingkat kesukarannya sedang (P = {decimal(p)})"}[category]


def _why(d: float, category_d: str, p: float, category_p: str) -> str:
    figure = f"D = {decimal(d)}"
    difficulty = _difficulty(p, category_p)
    if category_d == "negatif":
        return (f"Daya pembeda negatif ({figure}): siswa kelompok bawah lebih banyak menjawab benar daripada "
                "kelompok atas. Periksa kunci jawabannya; bila kuncinya benar, soal ini menyesatkan.")
    if category_d == "jelek":
        advice = ("perjelas kalimat soal dan buat pengecoh yang lebih masuk akal" if category_p == "sedang"
                  else "soal seperti ini tidak membantu menilai siswa")
        return (f"Daya pembeda jelek ({figure}) dan {difficulty}: soal ini belum membedakan siswa yang sudah "
                f"paham dari yang belum; {advice}.")
    if category_d == "cukup" and category_p != "sedang":
        advice = ("buat pengecoh yang lebih menarik" if category_p == "mudah"
                  else "periksa apakah materinya sudah diajarkan dan kalimat soalnya jelas")
        return f"Daya pembeda cukup ({figure}), tetapi {difficulty}; {advice}."
    if category_d == "cukup":
        return f"Daya pembeda cukup ({figure}) dan {difficulty}."
    if category_p == "sedang":
        return f"Daya pembeda {category_d} ({figure}) dan {difficulty}."
    return f"Daya pembeda {category_d} ({figure}) walaupun {difficulty}."


def recommend(p: float, d: float, category_p: str, category_d: str, weak: list[str] | None = None,
              suspect: list[str] | None = None) -> tuple[str, str]:
    """(recommendation, reason) for one item."""
    if math.isnan(d) or math.isnan(p):
        return UNDECIDED, "Belum dapat dinilai: perlu minimal 2 siswa yang mengerjakan."
    verdict = RULE[(category_d, category_p == "sedang")]
    reason = _why(d, category_d, p, category_p)
    if suspect:
        if verdict == USE:
            verdict = REVISE
        reason += (f" Pengecoh {_labels(suspect)} lebih banyak dipilih kelompok atas daripada kelompok bawah: "
                   "periksa apakah pilihan itu juga benar.")
    if weak:
        reason += f" Ganti pengecoh {_labels(weak)} yang hampir tidak dipilih (kurang dari 5% siswa)."
    return verdict, reason
