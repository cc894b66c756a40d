"""Item analysis of a class exam (analisis butir soal), with pandas and numpy; no Streamlit here.

Public API::

    from lessonkit.analytics import item_analysis, reliability, analyse
    table = item_analysis(scores)        # scores: rows = students, columns = question ids, [0, 1], NaN = 0
    table.loc["pp-01", ["p", "d", "rpbis", "kategori_p", "kategori_d", "rekomendasi", "alasan"]]
    reliability(scores)                  # KR-20 (all items 0/1) or Cronbach's alpha, a float
    reliability_report(scores).text      # method, level and one Indonesian sentence (see `interpret`)
    result = analyse(scores, choices, keys=..., options=..., sources=...)   # everything, for pages/exports

Modules: `groups` (upper/lower groups), `items` (P, D, rpbis, categories),
`distractors`, `recommend` (pakai/revisi/buang), `reliability`, `responses`
(from stored exam answers to these tables), `charts` (plotly) and `export`
(Excel workbook, CSV).
"""

from .analysis import MIN_STUDENTS, Analysis, analyse, item_analysis, small_class_warning, too_few_students
from .reliability import Reliability, interpret, reliability
from .reliability import report as reliability_report

__all__ = ["MIN_STUDENTS", "Analysis", "Reliability", "analyse", "interpret", "item_analysis", "reliability",
           "reliability_report", "small_class_warning", "too_few_students"]
