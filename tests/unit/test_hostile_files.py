"""Hostile files (issue 9): each one is read, or quarantined with the budget it broke,
and the files after it are still read.

The files are built in `tests/support/hostile_files.py`; `tools/bench_hostile.py`
times the same files. No timings are asserted here: a file over its budget is
recognised by the reason it is quarantined with.
"""
from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from dagster_project.extraction.observations import extract_observations
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.ingestion.documents import read_document
from dagster_project.ingestion.parser_process import ParserProcess, ReaderCrashed, ReaderUnavailable
from dagster_project.ingestion.sources import FolderScan, scan_folder
from dagster_project.ingestion.text import strip_markup
from dagster_project.settings import SettingsError, load_settings
from tests.support import hostile_files as hostile

GOOD = "zz-good.txt"
SENTENCE = "Tỉnh Hà Giang: 100% xã có internet cáp quang."


def scan_with(folder: Path, files: dict[str, bytes], budget: ParseBudget | None = None) -> FolderScan:
    """Scan `folder` holding `files` and a good report named last."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / GOOD).write_text("Tỉnh Nghệ An: 100% xã có internet cáp quang.\n", encoding="utf-8")
    scan = scan_folder(folder, 20_000_000, budget)
    assert [r.source_file for r in scan.reports][-1] == GOOD  # the file after it is still read
    return scan


def reasons(scan: FolderScan) -> dict[str, str]:
    return {r.source_file: r.reason for r in scan.rejected}


# ---------------------------------------------------------------- HTML


def test_96_kb_of_unclosed_anchors_parse_in_one_pass_to_no_text(tmp_path: Path) -> None:
    scan = scan_with(tmp_path, {"anchors.html": hostile.html_unclosed_anchors()})
    assert reasons(scan) == {"anchors.html": "no text left after removing markup"}


def test_text_before_a_never_closed_tag_is_kept() -> None:
    page = f"<html><body><p>{SENTENCE}</p>".encode() + hostile.html_unclosed_anchors()
    assert read_document("page.html", page).text == SENTENCE


def test_a_txt_file_that_looks_like_html_is_stripped_without_the_stdlib_parser() -> None:
    assert strip_markup("<body><p>Một</p>" + "<a " * 30_000) == "Một"


# ---------------------------------------------------------------- .docx


@pytest.mark.parametrize("depth", [20_000, 200_000])
def test_a_docx_of_deeply_nested_paragraphs_is_over_the_depth_budget(tmp_path: Path, depth: int) -> None:
    data = hostile.docx_nested_paragraphs(depth)
    assert len(data) < 4_000  # a few kilobytes zipped
    reason = reasons(scan_with(tmp_path, {"nested.docx": data}))["nested.docx"]
    assert reason.startswith("over the XML depth budget: document.xml nests elements deeper than 100 levels")


def test_nesting_within_the_depth_budget_is_read() -> None:
    text = read_document("nested.docx", hostile.docx_nested_paragraphs(50)).text
    assert text.strip() == "x"


def test_a_text_box_is_read_once_so_its_figure_is_one_fact() -> None:
    text = read_document("box.docx", hostile.docx_text_box(SENTENCE)).text
    assert text.count(SENTENCE) == 1
    assert text.split("\n") == ["Báo cáo chuyển đổi số", "Kết quả nổi bật: ", SENTENCE, "Hết."]
    assert [(o.value, o.unit) for o in extract_observations(text)] == [(100.0, "percent")]


def test_a_docx_whose_text_is_over_the_text_budget_is_quarantined(tmp_path: Path) -> None:
    paragraphs = "".join(f"<w:p><w:r><w:t>{'Dòng văn bản dài. ' * 50}</w:t></w:r></w:p>" for _ in range(200))
    data = hostile.word_archive(hostile.word_document(paragraphs))
    assert len(data) < 5_000  # under 5 KB of bytes in, 180,000 characters out
    scan = scan_with(tmp_path, {"long.docx": data}, ParseBudget(max_text_chars=100_000))
    assert reasons(scan)["long.docx"] == (
        "over the text budget: 100,800 characters of text in document.xml, over 100,000"
        " (raise PDX_MAX_TEXT_CHARS if the report is really that long)"
    )


def test_a_docx_that_unpacks_past_the_xml_size_budget_is_not_unpacked(tmp_path: Path) -> None:
    scan = scan_with(tmp_path, {"a.docx": hostile.docx_text_box(SENTENCE)}, ParseBudget(max_xml_bytes=500))
    assert reasons(scan)["a.docx"].startswith("over the XML size budget: word/document.xml unpacks to")


def docx_with_entities(levels: int) -> bytes:
    """A Word archive whose text ends with an entity that expands to 2 × 10^levels characters."""
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1))
    body = f"<w:p><w:r><w:t>{SENTENCE}&l{levels};</w:t></w:r></w:p>"
    return hostile.word_archive(f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "ha">{entities}]>' + hostile.word_document(body))


def test_docx_entities_are_not_expanded() -> None:
    assert read_document("entity.docx", docx_with_entities(1)).text == SENTENCE


def test_a_docx_entity_bomb_is_refused_by_the_parser(tmp_path: Path) -> None:
    reason = reasons(scan_with(tmp_path, {"laughs.docx": docx_with_entities(8)}))["laughs.docx"]
    assert reason.startswith("corrupt .docx (document.xml does not parse")


# ---------------------------------------------------------------- .pdf


def test_twenty_pages_sharing_one_2_mb_stream_are_over_the_reuse_budget(tmp_path: Path) -> None:
    data = hostile.pdf_shared_stream()
    assert len(data) < 12_000
    reason = reasons(scan_with(tmp_path, {"shared.pdf": data}))["shared.pdf"]
    assert reason.startswith("over the PDF reuse budget: by page 2 of 20, the same content streams are drawn again")
    assert "2,097,181 bytes interpreted again, over 1,048,576" in reason


def test_pages_sharing_one_large_form_are_over_the_reuse_budget(tmp_path: Path) -> None:
    reason = reasons(scan_with(tmp_path, {"form.pdf": hostile.pdf_shared_form()}))["form.pdf"]
    assert reason.startswith("over the PDF reuse budget: by page 2 of 20")


def test_a_form_drawn_thousands_of_times_on_one_page_is_over_the_reuse_budget() -> None:
    data = hostile.pdf_document([b"q " + b"/Fm1 Do " * 5_000 + b"Q"], [0], form=hostile.text_stream(2_000))
    with pytest.raises(ValueError, match="over the PDF reuse budget: by page 1 of 1"):
        read_document("draws.pdf", data)


def test_a_shared_form_that_no_page_draws_costs_nothing() -> None:
    data = hostile.pdf_document(
        [b"BT /F1 12 Tf 72 720 Td (Trang %d: 100%%) Tj ET" % i for i in range(20)],
        list(range(20)),
        form=hostile.text_stream(2_000_000),
    )
    assert read_document("unused-form.pdf", data).text.split("\n") == [f"Trang {i}: 100%" for i in range(20)]


def test_a_page_over_the_content_budget_is_refused_before_it_is_read(tmp_path: Path) -> None:
    budget = ParseBudget(max_pdf_content_bytes=1_000_000)
    reason = reasons(scan_with(tmp_path, {"heavy.pdf": hostile.pdf_one_heavy_page()}, budget))["heavy.pdf"]
    assert reason == (
        "over the PDF content budget: pages 1-1 of 1 draw 2,097,181 bytes of content to interpret, over 1,000,000"
    )


def test_a_pdf_still_parsing_after_the_time_budget_is_stopped_and_the_next_file_gets_a_fresh_reader(
    tmp_path: Path,
) -> None:
    # One page of 2 MB of text operators: several seconds of pypdf, over a 1 s budget.
    files = {"a-heavy.pdf": hostile.pdf_one_heavy_page(), "b-fine.pdf": hostile.pdf_document([hostile.text_stream(200)], [0])}
    scan = scan_with(tmp_path, files, ParseBudget(parse_seconds=1))
    assert reasons(scan) == {
        "a-heavy.pdf": "over the parse-time budget: still reading after 1 s, stopped"
        " (raise PDX_PARSE_SECONDS if such a file is expected)"
    }
    assert [r.source_file for r in scan.reports] == ["b-fine.pdf", GOOD]
    assert scan.parser_processes == 2


def test_a_pdf_whose_text_is_over_the_text_budget_stops_at_that_page(tmp_path: Path) -> None:
    data = hostile.pdf_document([hostile.text_stream(40_000 + i) for i in range(5)], list(range(5)))
    reason = reasons(scan_with(tmp_path, {"long.pdf": data}, ParseBudget(max_text_chars=50_000)))["long.pdf"]
    assert reason.startswith("over the text budget: ")
    assert "characters of text by page 2 of 5, over 50,000" in reason


def test_a_pdf_that_inflates_past_the_memory_budget_is_quarantined_and_the_reader_replaced(tmp_path: Path) -> None:
    # 70 MB of spaces zipped into 70 KB; the reader's address space is capped at 160 MB.
    budget = ParseBudget(max_parser_memory_bytes=160 * 2**20)
    files = {"a-bomb.pdf": hostile.pdf_flate_bomb(), "b-fine.pdf": hostile.pdf_document([hostile.text_stream(200)], [0])}
    scan = scan_with(tmp_path, files, budget)
    assert reasons(scan) == {"a-bomb.pdf": "over the memory budget: reading it needed more than 160 MiB"}
    assert [r.source_file for r in scan.reports] == ["b-fine.pdf", GOOD]


# ---------------------------------------------------------------- text files and settings


def test_a_text_file_is_held_to_the_text_budget_too(tmp_path: Path) -> None:
    scan = scan_with(tmp_path, {"long.txt": ("Dòng văn bản. " * 1_000).encode()}, ParseBudget(max_text_chars=10_000))
    assert reasons(scan)["long.txt"].startswith("over the text budget: 14,000 characters of text, over 10,000")


def test_the_budgets_come_from_the_settings() -> None:
    settings = load_settings({"PDX_PARSE_SECONDS": "2.5", "PDX_MAX_TEXT_CHARS": "5000"})
    assert (settings.parse_seconds, settings.max_text_chars) == (2.5, 5000)
    defaults = load_settings({})
    assert (defaults.parse_seconds, defaults.max_text_chars) == (10.0, 10_000_000)


@pytest.mark.parametrize(("name", "value"), [("PDX_PARSE_SECONDS", "soon"), ("PDX_PARSE_SECONDS", "0"),
                                             ("PDX_PARSE_SECONDS", "inf"), ("PDX_MAX_TEXT_CHARS", "-1")])
def test_a_budget_setting_that_cannot_be_used_names_itself(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})


# ---------------------------------------------------------------- the reader process itself


def test_a_reader_killed_on_a_file_rejects_it_and_the_next_file_gets_a_fresh_reader() -> None:
    with ParserProcess(ParseBudget()) as reader:
        reader.read("warm.pdf", hostile.pdf_document([hostile.text_stream(200)], [0]))
        worker = reader._process
        threading.Timer(0.5, os.kill, (worker.pid, signal.SIGKILL)).start()  # as the OOM killer would
        with pytest.raises(ReaderCrashed, match=r"crashed on this file \(SIGKILL, perhaps killed for using too much"):
            reader.read("heavy.pdf", hostile.pdf_one_heavy_page())
        assert reader.read("next.pdf", hostile.pdf_document([hostile.text_stream(200)], [0])).text
        assert reader.started == 2


def test_a_crash_is_not_the_files_verdict_so_it_is_read_again_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self, name: str, data: bytes):
        raise ReaderCrashed("the document reader crashed on this file (SIGSEGV): report the file as a bug")

    monkeypatch.setattr(ParserProcess, "read", crash)
    scan = scan_with(tmp_path, {"a.pdf": hostile.pdf_document([hostile.text_stream(200)], [0])})
    assert reasons(scan) == {"a.pdf": "the document reader crashed on this file (SIGSEGV): report the file as a bug"}
    assert [f.name for f in scan.files] == [GOOD]  # no index entry: the next scan reads it again


def test_a_reader_that_cannot_start_fails_the_scan_instead_of_rejecting_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A broken environment: the worker's interpreter exits at once.
    monkeypatch.setattr("sys.executable", "/bin/false")
    (tmp_path / "a.html").write_text(f"<p>{SENTENCE}</p>", encoding="utf-8")
    with pytest.raises(ReaderUnavailable, match=r"did not start \(exit code 1; its error is above\): check that `/bin/false"):
        scan_folder(tmp_path, 1_000_000)


def test_a_reader_left_alone_on_a_file_stops_itself_after_a_few_budgets_of_cpu() -> None:
    # The caller is gone (a killed run): nobody stops the worker at the budget, its CPU limit does.
    reader = ParserProcess(ParseBudget(parse_seconds=0.3))
    requests, _ = reader._worker()
    requests.send(("heavy.pdf", hostile.pdf_one_heavy_page()))
    try:
        assert reader._process.wait(timeout=120) == -signal.SIGXCPU
    finally:
        reader._kill()
