"""Read the published warehouse as a BI client would, and print what was read as JSON.

Runs inside each client environment (tests/clients/<client>/.venv), so it uses
nothing but the standard library, the client's `duckdb` and, with --sqlalchemy,
its SQLAlchemy and duckdb_engine:

    python read_published.py WAREHOUSE [--sqlalchemy]

Output: {"duckdb_version", "relations": {name: {"type", "rows", "columns"}},
"write_refused", "sqlalchemy": {...} (with --sqlalchemy)}.
"""
from __future__ import annotations

import argparse
import json
import sys

import duckdb

SCHEMA = "marts"


def read_with_duckdb(path: str) -> dict:
    con = duckdb.connect(path, read_only=True)
    try:
        relations = {}
        tables = con.execute(
            "select table_name, table_type from information_schema.tables where table_schema = ? "
            "order by table_name",
            [SCHEMA],
        ).fetchall()
        for name, table_type in tables:
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                "order by ordinal_position",
                [SCHEMA, name],
            ).fetchall()]
            # Names come from the catalog just read, quoted as identifiers.
            (rows,) = con.execute(f'select count(*) from "{SCHEMA}"."{name}"').fetchone()
            relations[name] = {"type": table_type, "rows": rows, "columns": columns}
        try:
            con.execute(f'create table "{SCHEMA}"."client_write_probe" (i integer)')
            write_refused = False
        except duckdb.Error:
            write_refused = True
        return {"duckdb_version": duckdb.__version__, "relations": relations, "write_refused": write_refused}
    finally:
        con.close()


def read_with_sqlalchemy(path: str) -> dict:
    import duckdb_engine
    import sqlalchemy

    # The README's Superset / SQLAlchemy settings: the URI and read_only in connect_args.
    engine = sqlalchemy.create_engine(f"duckdb:///{path}", connect_args={"read_only": True})
    try:
        inspector = sqlalchemy.inspect(engine)
        names = inspector.get_table_names(schema=SCHEMA) + inspector.get_view_names(schema=SCHEMA)
        reflected = {
            name: [
                {"name": c["name"], "type": str(c["type"]), "comment": c.get("comment")}
                for c in inspector.get_columns(name, schema=SCHEMA)
            ]
            for name in sorted(names)
        }
        with engine.connect() as connection:
            latest = connection.execute(sqlalchemy.text(
                f"select count(*) from {SCHEMA}.bi_latest_values where rank_among_provinces >= 1"
            )).scalar_one()
    finally:
        engine.dispose()
    return {
        "sqlalchemy_version": sqlalchemy.__version__,
        "duckdb_engine_version": duckdb_engine.__version__,
        "columns": reflected,
        "ranked_latest_values": latest,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    parser.add_argument("--sqlalchemy", action="store_true", help="also reflect every mart through SQLAlchemy")
    args = parser.parse_args(argv)
    result = read_with_duckdb(args.warehouse)
    if args.sqlalchemy:
        result["sqlalchemy"] = read_with_sqlalchemy(args.warehouse)
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
