"""Plain-Python ingestion: scanning the source folder, opening files safely,
reading each format (text, HTML, docx, PDF) and decoding its bytes.

Like `extraction`, nothing here imports Dagster; it depends on `extraction` only
for text normalisation and report metadata.
"""
