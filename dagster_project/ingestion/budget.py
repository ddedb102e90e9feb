"""What one source file may cost to read: time, memory, text, XML and PDF structure.

A small file can be built to make a reader work for minutes or produce megabytes
of repeated text (HTML that never closes a tag, a .docx nesting 200,000
paragraphs, a PDF whose pages share one huge content stream). Every reader
checks the budget that applies to it and stops with `OverBudgetError`, whose
message names the budget, how far the file went past it and what to do; the
file is quarantined with that reason and the other files go on.

`parse_seconds` and `max_text_chars` come from the settings (`PDX_PARSE_SECONDS`,
`PDX_MAX_TEXT_CHARS`); the structural limits are far above what real reports
need and are not meant to be tuned.
"""
from __future__ import annotations

from dataclasses import dataclass

from dagster_project.ingestion.text import UndecodableError
from dagster_project.settings import DEFAULT_MAX_TEXT_CHARS, DEFAULT_PARSE_SECONDS


class OverBudgetError(UndecodableError):
    """The file asks more of a reader than its budget allows; the message says which and how much."""


@dataclass(frozen=True)
class ParseBudget:
    # Wall-clock seconds for one file's parse (formats read in the parser process).
    parse_seconds: float = DEFAULT_PARSE_SECONDS
    # Characters of text one file may yield, counted after decoding, not bytes in.
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    # Element nesting in a .docx; Word documents, tables in tables and text boxes
    # included, stay under 40.
    max_xml_depth: int = 100
    # Unpacked size of word/document.xml; a report's is a few megabytes at most.
    max_xml_bytes: int = 64 * 1024 * 1024
    # Decoded page content a PDF reader interprets, counting a stream once per
    # page that draws it; pypdf reads about 1 MB of it a second.
    max_pdf_content_bytes: int = 32 * 1024 * 1024
    # Of that, bytes interpreted again because pages share a stream: a shared
    # watermark or header costs a few kilobytes a page; 20 pages showing one 2 MB
    # stream cost 38 MB and repeat its text 20 times.
    max_pdf_reused_bytes: int = 1024 * 1024
    # Address space of the parser process (its interpreter and libraries map about 60 MB).
    max_parser_memory_bytes: int = 2 * 1024 * 1024 * 1024

    def text_checked(self, text: str) -> str:
        """`text`, or OverBudgetError when it is longer than the text budget."""
        self.check_text_chars(len(text))
        return text

    def check_text_chars(self, chars: int, where: str = "") -> None:
        """OverBudgetError when `chars` characters of text (so far, `where`) are over the budget."""
        if chars > self.max_text_chars:
            raise OverBudgetError(
                f"over the text budget: {chars:,} characters of text{where}, over {self.max_text_chars:,}"
                " (raise PDX_MAX_TEXT_CHARS if the report is really that long)"
            )
