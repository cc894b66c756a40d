"""The "Unduh & Cetak" page's pieces: choose questions, download them for an LMS or print, the handout, import.

Each tab is a fragment: a change in one reruns only that tab. Nothing is built
while the teacher chooses: every download button is given a
function (Streamlit calls it on the click, on its own thread), so changing the
selection reruns in milliseconds and each file costs only when asked for. What
the page shows about a selection (counts by type, what GIFT leaves out) and an
imported file's check are cached by their inputs. An upload is checked in a
temporary folder and offered back as YAML: nothing is ever written into quizzes/.
"""

from __future__ import annotations

import functools

import streamlit as st

from lessonkit.exchange import import_words, moodle_versions
from lessonkit.exchange.exporters import EXPORTERS
from lessonkit.exchange.imported import Defaults
from lessonkit.exchange.selection import Selection, select
from lessonkit.exchange.upload import MAX_BYTES, Preview, UploadError, preview
from lessonkit.quiz.base import LEVEL_NAMES
from lessonkit.quiz.types import TYPE_NAMES
from lessonkit.services import downloads
from server.uploads import allow_uploads
from ui import data
from ui.teacher import signin
from ui.text import plain

WHOLE_BANK, SOME_QUIZZES = "Seluruh bank soal", "Kuis tertentu"
KEEP = ""  # "fill in nothing": the imported file keeps what it has
UPLOAD_MB = 3  # = server.maxUploadSize: Streamlit's own (English) refusal only past this; ours is MAX_BYTES
# The uploader's built-in words are English ("Upload", "200MB per file"): replaced by Indonesian ones.
STYLE = f"""<style>
.st-key-impor_file [data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] > * {{display: none;}}
.st-key-impor_file [data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"]::after {{
    content: "Pilih file";}}
.st-key-impor_file [data-testid="stFileUploaderDropzoneInstructions"] span {{display: none;}}
.st-key-impor_file [data-testid="stFileUploaderDropzoneInstructions"] div::after {{
    content: "atau tarik ke sini · .xml, .gift, .txt · paling besar {MAX_BYTES // 1024 // 1024} MB"; font-size: .9rem;}}
</style>"""


def _signed_in() -> bool:
    """A fragment reruns without the page: check the teacher again, so a session ended elsewhere gets nothing."""
    if signin.current() is not None:
        return True
    st.info("Sesi guru Anda sudah berakhir. Muat ulang halaman ini untuk masuk lagi.")
    return False


def _section_titles() -> dict[str, str]:
    return {s.id: s.title for s in data.lesson().sections}


def _selection(quizzes: tuple[str, ...], sections: tuple[str, ...], levels: tuple[str, ...]) -> Selection:
    return select(data.bank(), quizzes, sections, levels, _section_titles())


@st.cache_data(show_spinner=False, max_entries=64)
def _gift_skipped(quizzes: tuple[str, ...], sections: tuple[str, ...], levels: tuple[str, ...], moodle: str,
                  version: str) -> list[str]:
    return [f"{s.question_id} ({TYPE_NAMES.get(s.type, s.type)}): {s.reason}" for s in
            downloads.gift_skipped(_selection(quizzes, sections, levels), moodle)]


@st.cache_data(show_spinner=False, max_entries=64)
def _lms_notes(quizzes: tuple[str, ...], sections: tuple[str, ...], levels: tuple[str, ...], moodle: str,
               version: str) -> dict[str, list[str]]:
    return downloads.lms_notes(_selection(quizzes, sections, levels), moodle)


def _listed(title: str, lines: list[str]) -> None:
    if lines:
        with st.expander(title):
            st.markdown("\n".join(f"- {plain(line)}" for line in lines))


def choose_questions() -> tuple[Selection, tuple[tuple[str, ...], ...]] | None:
    """The teacher's choice of questions (as the CLI's --kuis/--bagian/--level), with how many of each type."""
    bank = data.bank()
    titles = _section_titles()
    if bank.problems:
        st.warning(f"Ada {len(bank.problems)} masalah di file kuis; soal dari file yang bermasalah tidak ikut. "
                   "Periksa dengan `python -m lessonkit check`.")
    quiz_titles = {q.id: q.title for q in bank.quizzes}
    whole = st.radio("Soal yang diambil", [WHOLE_BANK, SOME_QUIZZES], horizontal=True, key="unduh_sumber")
    quizzes: list[str] = []
    if whole == SOME_QUIZZES:
        quizzes = st.multiselect("Kuis", list(quiz_titles), format_func=quiz_titles.get, key="unduh_kuis",
                                 placeholder="Pilih satu kuis atau lebih", select_all=False)
    left, right = st.columns([3, 2])
    sections = left.multiselect("Bagian materi (kosong: semua bagian)", list(titles), format_func=titles.get,
                                key="unduh_bagian", placeholder="Semua bagian", select_all=False)
    levels = right.multiselect("Level (kosong: semua level)", list(LEVEL_NAMES),
                               format_func=lambda level: f"{level} · {LEVEL_NAMES[level]}", key="unduh_level",
                               placeholder="Semua level", select_all=False)
    if whole == SOME_QUIZZES and not quizzes:
        st.info("Pilih kuisnya dulu.")
        return None
    choice = (tuple(quizzes), tuple(sections), tuple(levels))
    selection = _selection(*choice)
    if not selection.items:
        st.warning("Tidak ada soal yang cocok dengan pilihan ini. Kurangi pilihan bagian atau level.")
        return None
    counts = " · ".join(f"{name} {count}" for name, count in downloads.type_counts(selection))
    st.markdown(f"**{len(selection.items)} soal terpilih**  \n{counts}")
    return selection, choice


def _download(fmt: downloads.Format, build, *, paper: str = "A4", packets: bool = False, key: str) -> None:
    st.download_button(fmt.label, data=build, file_name=downloads.file_name(fmt, paper, packets), mime=fmt.mime,
                       on_click="ignore", key=key, width="stretch")


@st.fragment
def questions() -> None:
    """The "Soal" tab; a change there reruns only this tab."""
    if not _signed_in():
        return
    chosen = choose_questions()
    if chosen:
        lms_files(*chosen)
        st.divider()
        printed_files(chosen[0])


def lms_files(selection: Selection, choice: tuple[tuple[str, ...], ...]) -> None:
    """Moodle XML, GIFT and QTI 3.0 for the teacher's Moodle version, with what each file changes or leaves out."""
    st.subheader("Untuk LMS sekolah")
    st.caption("Berisi kunci jawaban. Moodle XML memuat ketujuh jenis soal beserta bobot nilainya (disarankan); "
               "GIFT hanya jenis yang bisa ditulis dalam GIFT; paket QTI 3.0 untuk LMS lain yang mendukung QTI.")
    moodle = st.selectbox("Versi Moodle", list(moodle_versions.VERSIONS), format_func=moodle_versions.VERSIONS.get,
                          key="unduh_versi_moodle",
                          help="Soal Mengurutkan baru ada di Moodle 4.4. Untuk Moodle yang lebih lama, soal itu "
                               "ditulis sebagai soal Menjodohkan (urutan ke-1 … ke-N), supaya impornya tidak gagal.")
    columns = st.columns(len(EXPORTERS))
    for column, key in zip(columns, EXPORTERS, strict=True):
        with column:
            build = functools.partial(downloads.build, key, selection, moodle=moodle)
            _download(downloads.FORMATS[key], build, key=f"unduh_{key}")
    columns[1].caption("GIFT tidak menyimpan bobot nilai: setiap soal bernilai 1 di Moodle. Pakai Moodle XML "
                       "agar bobotnya ikut.")
    notes = _lms_notes(*choice, moodle=moodle, version=data.files_version())
    _listed(f"Catatan untuk file Moodle XML ({len(notes['moodle'])})", notes["moodle"])
    skipped = _gift_skipped(*choice, moodle=moodle, version=data.files_version())
    _listed(f"{len(skipped)} soal tidak ikut dalam file GIFT", skipped)
    _listed(f"Catatan untuk file GIFT ({len(notes['gift'])})", notes["gift"])


def printed_files(selection: Selection) -> None:
    """The worksheet and its answer key, on A4 or F4, optionally as Paket A and B."""
    st.subheader("Untuk dicetak")
    left, right = st.columns([1, 2])
    paper = left.radio("Ukuran kertas", downloads.PAPERS, horizontal=True, key="unduh_kertas",
                       help="F4 (folio, 215 × 330 mm) banyak dipakai di sekolah di Indonesia.")
    packets = right.checkbox("Dua versi: Paket A dan Paket B", key="unduh_paket",
                             help="Urutan soal dan pilihan jawaban diacak, supaya siswa yang duduk bersebelahan "
                                  "mendapat versi berbeda. Kunci jawaban memuat kedua paket.")
    columns = st.columns(2)
    for column, key in zip(columns, ("lembar", "kunci"), strict=True):
        with column:
            build = functools.partial(downloads.build, key, selection, paper, packets)
            _download(downloads.FORMATS[key], build, paper=paper, packets=packets, key=f"unduh_{key}")
    st.caption("Lembar kerja: kolom nama, kelas, dan tanggal, soal bernomor dengan tempat menjawab. "
               "Kunci jawaban: tabel kunci satu halaman untuk memeriksa, lalu pembahasan; rubrik uraian di halaman "
               "terpisah. Paket A dan B masing-masing bernomor halaman sendiri.")


@st.fragment
def handout() -> None:
    """The whole lesson as a handout with its stage diagrams."""
    if not _signed_in():
        return
    st.caption("Seluruh materi untuk siswa tanpa gawai: tujuan tiap bagian, kotak contoh dan wawasan, "
               "diagram tahapan, rangkuman, dan glosarium.")
    paper = st.radio("Ukuran kertas", downloads.PAPERS, horizontal=True, key="unduh_kertas_materi")
    build = functools.partial(downloads.handout_pdf, data.lesson(), data.diagrams(), paper)
    _download(downloads.HANDOUT, build, paper=paper, key="unduh_materi")


@st.cache_data(show_spinner=False, max_entries=16)
def _preview(content: bytes, name: str, section: str, level: str, version: str) -> Preview | str:
    """The checked import of an uploaded file, or the Indonesian reason it cannot be imported."""
    try:
        return preview(content, name, Defaults(level or None, section or None), data.QUIZ_DIR,
                       data.lesson().section_ids or None)
    except UploadError as exc:
        return str(exc)


@st.fragment
def importer() -> None:
    """A Moodle XML or GIFT file in; the quiz YAML, its checker problems and what was left out, out."""
    if not _signed_in():
        return
    st.html(STYLE)
    st.caption("Ubah soal dari Moodle (XML) atau file GIFT menjadi file kuis aplikasi ini. Hasilnya diunduh; "
               "simpan ke folder quizzes/ di server setelah diperiksa.")
    titles = _section_titles()
    left, right = st.columns([3, 2])
    section = left.selectbox("Bagian materi untuk soal tanpa bagian", [KEEP, *titles],
                             format_func=lambda s: titles.get(s, "Biarkan seperti di file"), key="impor_bagian")
    level = right.selectbox("Level untuk soal tanpa level", [KEEP, *LEVEL_NAMES],
                            format_func=lambda v: f"{v} · {LEVEL_NAMES[v]}" if v else "Biarkan seperti di file",
                            key="impor_level")
    allow_uploads()
    upload = st.file_uploader("File Moodle XML atau GIFT", type=["xml", "gift", "txt"], key="impor_file",
                              max_upload_size=UPLOAD_MB)
    if upload is None:
        return
    found = _preview(upload.getvalue(), upload.name, section, level, data.files_version())
    if isinstance(found, str):
        st.error(found)
        return
    _show_preview(found)


def _show_preview(found: Preview) -> None:
    summary = f"{found.questions} soal terbaca dari file {found.format}."
    if found.problems:
        advice = import_words.advice(found.problems)
        st.warning(f"{summary} {len(advice)} soal perlu dilengkapi di file YAML-nya sebelum dipakai:")
        st.markdown("\n".join(f"- {plain(line)}" for line in advice))
        if import_words.chosen_above(found.problems):
            st.caption("Level dan bagian materi bisa juga dipilih sekaligus di atas untuk semua soal yang belum "
                       "punya; hasilnya langsung diperbarui.")
        with st.expander("Rincian per baris file YAML (seperti hasil python -m lessonkit check)"):
            st.code("\n".join(str(p) for p in found.problems), language=None, wrap_lines=True)
    else:
        st.success(f"{summary} Semua soal valid.")
    if found.skipped:
        st.markdown(f"**{len(found.skipped)} soal tidak bisa diimpor:**\n\n"
                    + "\n".join(f"- {plain(import_words.left_out(s))}" for s in found.skipped))
    if found.notes:
        ids = import_words.ids_of(found.yaml_text)
        st.markdown("**Catatan:**\n\n" + "\n".join(f"- {plain(import_words.note(n, ids))}" for n in found.notes))
    st.download_button(f"Unduh {found.file_name}", data=found.yaml_text, file_name=found.file_name,
                       mime="application/x-yaml", on_click="ignore", key="impor_unduh", type="primary")
    st.markdown("Lengkapi file itu, simpan ke folder quizzes/ di server, lalu periksa lagi dengan "
                "`python -m lessonkit check`.")
    with st.expander("Lihat isi YAML"):
        st.code(found.yaml_text, language=None)  # no highlighting: its token colours fail WCAG contrast
