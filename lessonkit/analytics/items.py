"""Per-item figures: difficulty P, discrimination D, the item–rest point-biserial, and their categories.

- P = B / JS: the mean item score (for 0/1 items the share answering right);
  ≤ 0.30 sukar, 0.31–0.70 sedang, > 0.70 mudah. This is Moodle's facility.
- D = BA/JA − BB/JB over the upper and lower groups (see `groups`), where BA
  and BB are the groups' summed item scores; negative → "negatif",
  ≤ 0.20 jelek, 0.21–0.40 cukup, 0.41–0.70 baik, > 0.70 baik sekali.
- rpbis: Pearson's correlation between the item score and the rest of the
  test (total minus this item), i.e. Moodle's discrimination index / 100;
  NaN when either has no variance.

Categories are decided on the figure rounded to two decimals, the way the
teacher sees it (half up, see `shown`): 0.704 shows as 0,70 and is "sedang",
and a D of 0.2000000001 from floating-point arithmetic is 0,20, "jelek".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from .groups import Groups

P_BANDS = ((0.30, "sukar"), (0.70, "sedang"))
D_BANDS = ((0.20, "jelek"), (0.40, "cukup"), (0.70, "baik"))
NOT_COMPUTED = "tidak dapat dihitung"


def shown(value: float) -> float:
    """The value as the teacher sees it: two decimals, half up (0.475 → 0.48), as when rounding by hand.

    Floating-point noise is dropped first (9 decimals), so 0.47499999999 from summing in another
    order is still 0.475.
    """
    exact = Decimal(repr(round(float(value), 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return float(exact) + 0.0  # + 0.0 turns −0.0 into 0.0


def decimal(value: float) -> str:
    """Two decimals the Indonesian way: 0,25 and −0,20."""
    return f"{shown(value):.2f}".replace(".", ",").replace("-", "−")


def category_p(p: float) -> str:
    if np.isnan(p):
        return NOT_COMPUTED
    value = shown(p)
    return next((name for bound, name in P_BANDS if value <= bound), "mudah")


def category_d(d: float) -> str:
    if np.isnan(d):
        return NOT_COMPUTED
    value = shown(d)
    if value < 0:
        return "negatif"
    return next((name for bound, name in D_BANDS if value <= bound), "baik sekali")


def item_rest_correlation(scores: pd.DataFrame) -> pd.Series:
    """Pearson r of each item with the total of the other items (NaN where a variance is zero)."""
    totals = scores.sum(axis=1)
    out = dict.fromkeys(scores.columns, np.nan)
    if len(scores) < 2:
        return pd.Series(out, dtype=float)
    for item in scores.columns:
        x = scores[item].to_numpy(dtype=float)
        rest = totals.to_numpy(dtype=float) - x
        dx, dr = x - x.mean(), rest - rest.mean()
        denominator = np.sqrt((dx @ dx) * (dr @ dr))
        out[item] = float(dx @ dr / denominator) if denominator > 1e-12 else np.nan
    return pd.Series(out, dtype=float)


def figures(scores: pd.DataFrame, groups: Groups) -> pd.DataFrame:
    """P, D, rpbis and the counts behind them, one row per item (``scores`` already cleaned)."""
    size = groups.size
    upper = scores.mul(groups.upper, axis=0).sum()
    lower = scores.mul(groups.lower, axis=0).sum()
    frame = pd.DataFrame({
        "b": scores.sum(),
        "js": len(scores),
        "p": scores.mean() if len(scores) else np.nan,
        "ba": upper,
        "ja": size,
        "bb": lower,
        "jb": size,
        "d": (upper - lower) / size if size else np.nan,
        "rpbis": item_rest_correlation(scores),
    }, index=scores.columns)
    noise = 12  # decimals: fractional tie weights (1/3 …) leave crumbs such as −1e−16 for a D of 0
    frame[["ba", "bb", "d"]] = frame[["ba", "bb", "d"]].round(noise)
    frame["d"] = frame["d"].clip(-1.0, 1.0)
    frame["kategori_p"] = frame["p"].map(category_p)
    frame["kategori_d"] = frame["d"].map(category_d)
    return frame
