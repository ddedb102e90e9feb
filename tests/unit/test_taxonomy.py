"""The taxonomy seed: a stable code list with a `refines` hierarchy, read by Python and dbt alike."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dagster_project.evaluation.keys import refines_map
from dagster_project.evaluation.strict import counts_as
from dagster_project.extraction.taxonomy import TAXONOMY_SEED, TaxonomyError, read_taxonomy, taxonomy

CODE_LIST = Path(__file__).with_name("indicator_codes.txt")


def committed_codes() -> list[str]:
    lines = CODE_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_no_published_code_is_ever_removed_or_renamed() -> None:
    missing = sorted(set(committed_codes()) - set(taxonomy().indicators))
    assert not missing, f"{TAXONOMY_SEED.name} dropped published codes {missing}: codes may be added, never removed"


def test_every_code_of_the_seed_is_in_the_committed_list() -> None:
    # Adding a code is fine, but it is published from then on: list it.
    unlisted = sorted(set(taxonomy().indicators) - set(committed_codes()))
    assert not unlisted, f"add {unlisted} to {CODE_LIST.name} (codes are published once in the seed)"


def test_refines_names_an_existing_coarser_code_without_cycles() -> None:
    tax = taxonomy()
    for indicator in tax:
        chain = tax.ancestors(indicator.code)
        assert indicator.code not in chain
        assert all(code in tax.indicators for code in chain)


@pytest.mark.parametrize(
    ("finer", "coarser"),
    [
        ("household_internet", "broadband_internet"),
        ("officials_trained", "learners"),
        ("postal_enterprises", "postal_network"),
        ("citizen_id_linked_data", "databases"),
        ("fibre_optic", "broadband_internet"),
        ("online_public_services_level34", "online_public_services"),
    ],
)
def test_a_finer_code_counts_as_the_code_it_refines(finer: str, coarser: str) -> None:
    assert counts_as(finer, coarser, refines_map())  # what make eval reads
    assert not counts_as(coarser, finer, refines_map())


def test_the_new_concepts_exist_with_their_domains() -> None:
    tax = taxonomy()
    assert tax["dossiers_received"].domain == "services" and tax["dossiers_received"].refines is None
    for code in ("awards", "goals_met", "population", "market_share"):
        assert tax[code].domain == "other" and not tax[code].keywords


def test_keywords_are_lower_case_without_blanks_and_generic_codes_are_the_fallbacks() -> None:
    tax = taxonomy()
    for indicator in tax:
        for keyword in indicator.keywords:
            assert keyword == keyword.strip().lower() and "  " not in keyword, (indicator.code, keyword)
    assert sorted(i.code for i in tax if i.generic) == ["infrastructure_other", "services_other", "workforce_other"]


def test_a_seed_that_refines_an_unknown_code_is_refused_with_the_file_named(tmp_path: Path) -> None:
    seed = tmp_path / "seed.csv"
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["indicator_code", "domain", "name_vi", "name_en", "unit", "refines", "keywords"])
        writer.writerow(["a", "services", "A", "A", "count", "nowhere", "x"])
    with pytest.raises(TaxonomyError, match="seed.csv.*nowhere"):
        read_taxonomy(seed)


def test_a_keyword_is_indexed_in_each_spelling_and_reported_as_the_seed_wrote_it() -> None:
    from dagster_project.extraction.lexicon import spelled_variants

    assert spelled_variants("chuyên trách về cntt") == ("chuyên trách về cntt", "chuyên trách về công nghệ thông tin")
    assert spelled_variants("dịch vụ công trực tuyến") == ("dịch vụ công trực tuyến", "dvctt")
    assert spelled_variants("mạng lan") == ("mạng lan",)
    assert spelled_variants("cntthc") == ("cntthc",)  # inside a longer word: not an abbreviation
    tax = taxonomy()
    assert tax.seed_keyword("it_staff", "chuyên trách về công nghệ thông tin") == "chuyên trách về cntt"


def test_a_keyword_with_an_unquoted_comma_is_refused_with_its_line(tmp_path: Path) -> None:
    seed = tmp_path / "seed.csv"
    seed.write_text(
        "indicator_code,domain,name_vi,name_en,unit,refines,keywords\n"
        "online_payment,services,Thanh toán,Online payment,count,,thanh toán phí, lệ phí|e-payment\n",
        encoding="utf-8",
    )
    with pytest.raises(TaxonomyError, match=r"seed.csv:2: online_payment has more fields.*quote the field"):
        read_taxonomy(seed)
