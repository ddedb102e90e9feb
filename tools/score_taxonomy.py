"""Measure how well the indicator taxonomy seed classifies the hand-made answer keys.

Builds an in-memory DuckDB, loads dbt/seeds/indicator_taxonomy.csv and a table of the
gold figures shaped like stg_observations (subject = the quote's text right after the
figure, clause = the quote), renders the real dbt model
dbt/models/intermediate/int_observations_classified.sql (and the duckdb__ version of
the split_keywords macro) with a minimal stand-in for dbt's Jinja context, runs it,
and prints the domain agreement (share of gold figures whose predicted domain equals
the gold domain) and the confusions.

    .venv/bin/python tools/score_taxonomy.py                 # both answer keys
    .venv/bin/python tools/score_taxonomy.py -v              # + every miss
    .venv/bin/python tools/score_taxonomy.py --subject gold  # subject = gold subject_vi
    .venv/bin/python tools/score_taxonomy.py --clause sentence  # clause = the report's ';'-clause
    .venv/bin/python tools/score_taxonomy.py --compiled target/compiled/.../int_observations_classified.sql

The answer keys are read from /work/shared (override with PDX_SHARED_DIR).
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import duckdb
import jinja2

ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = ROOT / "dbt"
SEED = DBT_DIR / "seeds" / "indicator_taxonomy.csv"
MODEL = DBT_DIR / "models" / "intermediate" / "int_observations_classified.sql"
MACRO = DBT_DIR / "macros" / "split_keywords.sql"
SHARED = Path(os.environ.get("PDX_SHARED_DIR", "/work/shared"))
ANSWER_KEYS = {
    "seeds": SHARED / "gold" / "seeds_gold.jsonl",
    "devset": SHARED / "devset" / "devset_gold.jsonl",
}

# --------------------------------------------------------------------------- SQL


class _Dbt:
    """The few dbt cross-database macros the model uses, as dbt-duckdb renders them."""

    @staticmethod
    def position(substring_text, string_text):
        return f"position({substring_text} in {string_text})"

    @staticmethod
    def length(expression):
        return f"length({expression})"

    @staticmethod
    def type_float():
        return "double"

    @staticmethod
    def type_string():
        return "varchar"


def render_model() -> str:
    env = jinja2.Environment(extensions=["jinja2.ext.do"])
    macros = env.from_string(MACRO.read_text(encoding="utf-8")).module
    context = {
        "config": lambda **_: "",
        "ref": lambda name: name,
        "dbt": _Dbt,
        "split_keywords": macros.duckdb__split_keywords,
    }
    return env.from_string(MODEL.read_text(encoding="utf-8")).render(**context)


# --------------------------------------------------------------------------- gold

NUM_RE = re.compile(r"\d[\d.,]*\d|\d")
SCALE_RE = re.compile(r"^\s*(nghìn|ngàn|triệu|tỷ|thousand|million|billion)\b", re.I)
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "thousand": 1e3, "triệu": 1e6, "million": 1e6, "tỷ": 1e9, "billion": 1e9}


def _readings(token: str) -> set[float]:
    out = set()
    for text in (token.replace(".", "").replace(",", "."), token.replace(",", ""), token.replace(",", ".")):
        try:
            out.add(float(text))
        except ValueError:
            pass
    return out


def _close(a: float, b: float | None) -> bool:
    return b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def split_subject(quote: str, value, numerator) -> str:
    """The quote's text right after the gold figure (up to the next figure or ';')."""
    tokens = list(NUM_RE.finditer(quote))
    if not tokens:
        return ""
    chosen = None
    for target in (value, numerator):
        if target is None:
            continue
        for m in tokens:
            scale_m = SCALE_RE.match(quote[m.end():])
            scale = SCALES[scale_m.group(1).lower()] if scale_m else 1
            if any(_close(r * scale, float(target)) or _close(r, float(target)) for r in _readings(m.group())):
                chosen = m
                break
        if chosen:
            break
    chosen = chosen or tokens[0]
    rest = quote[chosen.end():]
    rest = re.sub(r"^\s*(nghìn|ngàn|triệu|tỷ|thousand|million|billion)\b", "", rest, flags=re.I)
    rest = re.sub(r"^\s*(%|percent\b|/\s*[\d.,]+)", "", rest, flags=re.I)
    rest = re.split(r"\d", rest, maxsplit=1)[0]
    stop = SUBJECT_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    return " ".join(rest.split()[:12]).strip(" ,.-–")


# Same stops as the extractor's subject: clause breaks, "trong đó", "với", "đạt", ...
SUBJECT_STOP = re.compile(
    r"[;:()\[\]]|[.!?](?:\s|$)|,\s*(?:trong đó|bao gồm|gồm|với|đạt|chiếm|tăng|giảm|góp phần|qua đó|"
    r"of which|including|with|reaching|up)\b|\s(?:với tổng|với|đạt|chiếm|so với)\s",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?…]+[”\"')]?(?=\s+[A-ZĐÀ-ỸÁÉÍÓÚÝĂÂÊÔƠƯ0-9“\"(*•\-–])")
_DOCS: dict[str, str] = {}


def sentence_clause(doc: str, quote: str) -> str:
    """The ';'-delimited clause of the report sentence that holds the quote (the quote if not found)."""
    if doc not in _DOCS:
        text = ""
        for folder in (SHARED / "seeds", SHARED / "devset" / "reports"):
            if (folder / doc).exists():
                text = unicodedata.normalize("NFC", (folder / doc).read_text(encoding="utf-8", errors="replace"))
                break
        _DOCS[doc] = text
    text = _DOCS[doc]
    pos = text.find(quote)
    if pos < 0:
        return quote
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    start, end = line_start, line_end
    for m in SENTENCE_END.finditer(text, line_start, line_end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos + len(quote):
            end = m.end()
            break
    sentence = text[start:end]
    q0 = pos - start
    c_start = sentence.rfind(";", 0, q0) + 1
    c_end = sentence.find(";", q0 + len(quote))
    return sentence[c_start: None if c_end < 0 else c_end].strip()


def load_gold(path: Path, subject_mode: str, clause_mode: str = "quote") -> list[dict]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        g = json.loads(line)
        quote = unicodedata.normalize("NFC", g.get("quote") or "")
        if subject_mode == "gold":
            subject = unicodedata.normalize("NFC", g.get("subject_vi") or "")
        else:
            subject = split_subject(quote, g.get("value"), g.get("numerator"))
        clause = sentence_clause(g["doc"], quote) if clause_mode == "sentence" else quote
        rows.append({
            "observation_key": f"{path.stem}:{i:04d}",
            "subject": subject,
            "clause": clause,
            "unit": g.get("unit"),
            "gold_domain": g["domain"],
            "gold_indicator": g.get("indicator"),
        })
    return rows


# --------------------------------------------------------------------------- run


def classify(rows: list[dict], sql: str) -> dict[str, tuple]:
    con = duckdb.connect()
    con.sql(
        f"create table indicator_taxonomy as select * from read_csv('{SEED}', header=true, all_varchar=true, "
        "quote='\"', delim=',')"
    )
    con.sql(
        "create table stg_observations (observation_key varchar, report_key varchar, ordinal integer, "
        "sentence_index integer, sentence varchar, char_start integer, char_end integer, quote varchar, "
        "value double, unit varchar, numerator double, denominator double, stated_percent double, "
        "qualifier varchar, as_of_date date, admin_level varchar, is_target boolean, subject varchar, "
        "clause varchar, parent_ordinal integer)"
    )
    for r in rows:
        con.execute(
            "insert into stg_observations (observation_key, quote, sentence, unit, subject, clause) "
            "values (?, ?, ?, ?, ?, ?)",
            [r["observation_key"], r["clause"], r["clause"], r["unit"], r["subject"], r["clause"]],
        )
    result = con.sql(
        f"select observation_key, indicator_code, domain, matched_keyword, match_score from ({sql}) as m"
    ).fetchall()
    con.close()
    return {k: (code, dom, kw, score) for k, code, dom, kw, score in result}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every figure whose domain disagrees")
    ap.add_argument("--subject", choices=["after-number", "gold"], default="after-number",
                    help="how to build `subject` (default: the quote's text after the figure)")
    ap.add_argument("--clause", choices=["quote", "sentence"], default="quote",
                    help="how to build `clause` (default: the quote; sentence: the report's ';'-clause around it)")
    ap.add_argument("--compiled", type=Path, help="use this compiled SQL instead of rendering the model")
    ap.add_argument("--target", type=float, default=0.90, help="exit 1 if an agreement is below this")
    args = ap.parse_args(argv)

    sql = args.compiled.read_text(encoding="utf-8") if args.compiled else render_model()
    if args.compiled:  # dbt-compiled SQL names real relations: point them at the in-memory tables
        sql = re.sub(r'"[^"]+"\."[^"]+"\."stg_observations"', "stg_observations", sql)
        sql = re.sub(r'"[^"]+"\."[^"]+"\."indicator_taxonomy"', "indicator_taxonomy", sql)

    taxonomy = duckdb.sql(f"select domain, count(*) from read_csv('{SEED}', all_varchar=true) group by 1 order by 1")
    print("taxonomy:", ", ".join(f"{d}={n}" for d, n in taxonomy.fetchall()))

    ok = True
    for name, path in ANSWER_KEYS.items():
        rows = load_gold(path, args.subject, args.clause)
        pred = classify(rows, sql)
        hits = 0
        confusions = collections.Counter()
        misses = []
        for r in rows:
            code, dom, kw, score = pred[r["observation_key"]]
            if dom == r["gold_domain"]:
                hits += 1
            else:
                confusions[(r["gold_domain"], dom)] += 1
                misses.append((r, code, dom, kw, score))
        agreement = hits / len(rows)
        ok &= agreement >= args.target
        print(f"\n{name}: domain agreement {hits}/{len(rows)} = {agreement:.4f}  (subject: {args.subject}, clause: {args.clause})")
        for (gold, got), n in confusions.most_common():
            print(f"  gold {gold:<14} -> predicted {got:<14} {n}")
        if args.verbose:
            for r, code, dom, kw, score in misses:
                print(f"  - [{r['gold_domain']} {r['gold_indicator']}] -> {dom}/{code} via {kw!r} ({score})")
                print(f"      subject: {r['subject']!r}")
                print(f"      clause : {r['clause']!r}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
