"""The project card under its section in Materi: tiers, products, interview ethics, rubric, samples, and the
self and peer assessment forms (all from `lessonkit.lesson.project`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lessonkit.lesson.project import Project, rubric_rows
from lessonkit.lesson.rubric import points_text, sample_text
from lessonkit.rules.safe_export import safe_frame
from ui import nav


def _checklist(items: list[str], scale: list[str], first: str) -> pd.DataFrame:
    return pd.DataFrame([{first: item, **{step: "○" for step in scale}} for item in items])


def show(project: Project) -> None:
    st.subheader(project.title)
    st.markdown(project.summary)
    for tab, tier in zip(st.tabs([f"Jenjang {t.name}" for t in project.tiers]), project.tiers, strict=True):
        with tab:
            st.caption(tier.who)
            st.markdown("**Latihan**")
            for activity in tier.practice:
                st.markdown(f"- {activity.text}")
                if activity.page and nav.has_page(activity.page):
                    nav.link(activity.page, activity.label or "Buka")
            st.markdown(f"**Proyek.** {tier.project}")
    st.markdown("**Pilih satu bentuk produk**")
    for row in range(0, len(project.products), 2):
        for column, product in zip(st.columns(2), project.products[row:row + 2], strict=False):
            with column.container(border=True, height="stretch"):
                st.markdown(f"**{product.name}**\n\n{product.description}")
                if product.requirements:
                    st.markdown("\n".join(f"- {item}" for item in product.requirements))
    st.warning("**Etika wawancara**\n\n" + "\n".join(f"- **{rule.topic}.** {rule.text}" for rule in project.ethics))
    with st.expander("Rubrik penilaian proyek"):
        st.table(safe_frame(pd.DataFrame(rubric_rows(project)).set_index("Kriteria")))
        st.caption(f"Skor maksimum {points_text(sum(c.points for c in project.rubric))}.")
    if project.samples:
        with st.expander("Contoh hasil per tingkat"):
            for sample in project.samples:
                st.markdown(sample_text(sample))
    with st.expander("Penilaian diri dan penilaian antarteman"):
        st.markdown("Salin ke buku catatanmu dan beri tanda pada kolom yang sesuai.")
        st.table(safe_frame(_checklist(project.assessment.yourself, project.assessment.scale, "Penilaian diri")
                            .set_index("Penilaian diri")))
        st.table(safe_frame(_checklist(project.assessment.peers, project.assessment.scale, "Penilaian antarteman")
                            .set_index("Penilaian antarteman")))
