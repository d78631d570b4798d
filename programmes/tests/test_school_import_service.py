"""Importing schools from a Get Information About Schools (GIAS) CSV export: the import service."""

import io
import re
from pathlib import Path

import pytest
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

from programmes.factories import LocalAuthorityFactory, SchoolFactory
from programmes.models import School
from programmes.services import school_import
from programmes.services.school_import import SchoolImportError, import_schools

from .gias_csv import CURLY_NAME, WRONG_FILES, gias_csv, school_row

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "gias_sample.csv"


def run_import(data: bytes):
    return import_schools(file=io.BytesIO(data))


def test_a_good_cp1252_file_creates_the_schools_with_their_phases(authorities):
    data = gias_csv(
        school_row(URN="115001", **{"LA (name)": "Southend-on-Sea", "EstablishmentName": CURLY_NAME}),
        school_row(
            URN="115002", EstablishmentName="École Élan Nursery", **{"PhaseOfEducation (name)": "Nursery"}
        ),
        school_row(URN="115003", **{"PhaseOfEducation (name)": "Middle deemed primary"}),
        school_row(URN="115004", **{"PhaseOfEducation (name)": "Middle deemed secondary"}),
        school_row(URN="115005", **{"PhaseOfEducation (name)": "16 plus"}),
        school_row(URN="115006", **{"PhaseOfEducation (name)": "All-through"}),
        school_row(
            URN="115007",
            **{
                "PhaseOfEducation (name)": "Not applicable",
                "TypeOfEstablishment (name)": "Academy special converter",
            },
        ),
        school_row(
            URN="115008", **{"LA (name)": "SUFFOLK", "EstablishmentStatus (name)": "Proposed to open"}
        ),
    )

    assert b"St Mary\x92s" in data and "É".encode("cp1252") in data  # really cp1252, not UTF-8

    result = run_import(data)

    assert (result.created, result.updated, result.error_count) == (8, 0, 0)
    school = School.objects.get(urn=115001)
    assert school.name == CURLY_NAME
    assert school.local_authority == authorities["Southend-on-Sea"]
    assert school.postcode == "CM1 1AA"
    assert School.objects.get(urn=115002).name == "École Élan Nursery"
    phases = dict(School.objects.values_list("urn", "phase"))
    assert phases == {
        115001: "primary",
        115002: "nursery",
        115003: "primary",
        115004: "secondary",
        115005: "16-plus",
        115006: "all-through",
        115007: "special",
        115008: "primary",
    }
    assert School.objects.get(urn=115008).local_authority == authorities["Suffolk"]


@pytest.mark.parametrize("bom", [False, True])
def test_utf8_files_are_accepted_with_or_without_a_bom(authorities, bom):
    result = run_import(gias_csv(school_row(EstablishmentName=CURLY_NAME), encoding="utf-8", bom=bom))

    assert result.created == 1
    assert School.objects.get().name == CURLY_NAME


def test_imported_schools_can_be_found_by_the_admin_search(authorities):
    run_import(gias_csv(school_row(EstablishmentName="Thorpe Bay Primary School")))

    results = get_search_backend().search("Thorpe", School)

    assert [school.urn for school in results] == [115000]


def test_closed_schools_and_schools_in_other_authorities_are_skipped_and_counted(authorities):
    data = gias_csv(
        school_row(URN="115001"),
        school_row(URN="115002", **{"EstablishmentStatus (name)": "Closed"}),
        school_row(URN="115003", **{"EstablishmentStatus (name)": "Open, but proposed to close"}),
        school_row(URN="115004", **{"LA (name)": "Cambridgeshire"}),
        school_row(URN="115005", **{"LA (name)": "Cambridgeshire", "EstablishmentStatus (name)": "Closed"}),
        # rows outside the portal's authorities are not checked, so a national export stays quiet
        school_row(URN="", **{"LA (name)": "Norfolk", "PhaseOfEducation (name)": "Not applicable"}),
    )

    result = run_import(data)

    assert result.created == 2
    assert result.skipped_closed == 1
    assert result.skipped_other_local_authority == 3
    assert result.error_count == 0
    assert set(School.objects.values_list("urn", flat=True)) == {115001, 115003}


def test_reimporting_updates_schools_by_urn_and_keeps_their_cluster(authorities):
    SchoolFactory(
        urn=115001, name="Old Name School", local_authority=authorities["Bedford"], cluster="Coastal"
    )
    SchoolFactory(
        urn=115002,
        name="Meadow Lane Primary School",
        local_authority=authorities["Essex"],
        postcode="CM1 1AA",
    )

    result = run_import(
        gias_csv(
            school_row(
                URN="115001",
                EstablishmentName="New Name Academy",
                Postcode="SS9 1AA",
                **{"PhaseOfEducation (name)": "Secondary"},
            ),
            school_row(URN="115002"),
            school_row(URN="115003"),
        )
    )

    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    school = School.objects.get(urn=115001)
    assert (school.name, school.local_authority, school.phase, school.postcode, school.cluster) == (
        "New Name Academy",
        authorities["Essex"],
        "secondary",
        "SS9 1AA",
        "Coastal",
    )
    assert School.objects.count() == 3
    assert get_search_backend().search("Academy", School).count() == 1

    again = run_import(gias_csv(school_row(URN="115003")))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_bad_rows_are_reported_with_their_row_numbers_and_good_rows_kept(authorities):
    data = gias_csv(
        school_row(URN="115001"),  # row 2
        school_row(URN=""),  # row 3
        school_row(URN="12a"),  # row 4
        school_row(URN="115004", **{"PhaseOfEducation (name)": "Middle school"}),  # row 5
        school_row(URN="115005", EstablishmentName=""),  # row 6
        school_row(URN="115001"),  # row 7: a second row for the same school
        school_row(URN="115008", Postcode="CM1 1AA EXTRA LONG"),  # row 8
        school_row(URN="115009", **{"PhaseOfEducation (name)": "Not applicable"}),  # row 9
        school_row(URN="115010", **{"LA (name)": ""}),  # row 10
        school_row(URN="115011", **{"PhaseOfEducation (name)": ""}),  # row 11
        school_row(URN="115012"),  # row 12
    )

    result = run_import(data)

    assert result.created == 2
    assert set(School.objects.values_list("urn", flat=True)) == {115001, 115012}
    errors = {error.row: error.message for error in result.errors}
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert result.error_count == 9
    assert errors[3] == "The URN is missing. Add the school's URN from Get Information About Schools."
    assert "The URN '12a' is not a whole number." in errors[4]
    assert "The phase 'Middle school' is not one the portal knows." in errors[5]
    assert "The school name is missing." in errors[6]
    assert errors[7] == "URN 115001 is also on row 2. Remove one of the two rows."
    assert errors[8].startswith("Postcode: Ensure this value has at most 10 characters")
    assert "is not a special school" in errors[9]
    assert "The local authority is missing." in errors[10]
    assert "The phase is missing." in errors[11]
    assert result.errors[0].urn == "" and result.errors[1].urn == "12a"


def test_a_row_number_counts_rows_not_lines_when_a_name_spans_lines(authorities):
    data = gias_csv(
        school_row(URN="115001", EstablishmentName="Two\r\nLine School"),
        school_row(URN="", EstablishmentName="Broken School"),
    )

    result = run_import(data)

    assert [error.row for error in result.errors] == [3]


def test_only_the_first_errors_are_kept_but_all_are_counted(authorities, monkeypatch):
    monkeypatch.setattr(school_import, "MAX_REPORTED_ERRORS", 2)

    result = run_import(gias_csv(*[school_row(URN="x")] * 5))

    assert (result.error_count, len(result.errors), result.errors_not_shown) == (5, 2, 3)


@pytest.mark.parametrize("name", WRONG_FILES)
def test_a_file_that_is_not_a_gias_export_is_refused_and_changes_nothing(authorities, name, monkeypatch):
    monkeypatch.setattr(school_import, "BATCH_SIZE", 1)  # so "not text halfway" has written a batch
    existing = SchoolFactory(urn=115001, name="Untouched School", local_authority=authorities["Essex"])
    data, message = WRONG_FILES[name]

    with pytest.raises(SchoolImportError, match=re.escape(message)):
        run_import(data)

    assert list(School.objects.all()) == [existing]
    assert School.objects.get().name == "Untouched School"


def test_importing_into_a_portal_without_local_authorities_says_what_to_do(db):
    with pytest.raises(SchoolImportError, match="There are no local authorities in the portal yet"):
        run_import(gias_csv(school_row()))


@pytest.mark.parametrize("size", [20, 200])
def test_queries_do_not_grow_with_rows_that_change_nothing(authorities, size, django_assert_max_num_queries):
    """Known, unchanged schools and schools in other LAs cost no queries of their own."""
    rows = [school_row(URN=str(120000 + n), EstablishmentName=f"School {n}") for n in range(size)]
    run_import(gias_csv(*rows))
    rows += [school_row(URN=str(130000 + n), **{"LA (name)": "Norfolk"}) for n in range(size)]
    rows += [school_row(URN=str(140000 + n), **{"EstablishmentStatus (name)": "Closed"}) for n in range(size)]

    with django_assert_max_num_queries(6):
        result = run_import(gias_csv(*rows))

    assert result.unchanged == size


@pytest.mark.parametrize("size", [20, 200])
def test_new_schools_cost_a_few_queries_each_for_the_reference_index(
    authorities, size, django_assert_max_num_queries
):
    rows = [school_row(URN=str(120000 + n), EstablishmentName=f"School {n}") for n in range(size)]

    with django_assert_max_num_queries(20 + 2 * size):
        result = run_import(gias_csv(*rows))

    assert result.created == size


def test_wagtail_knows_which_schools_use_a_local_authority(authorities):
    SchoolFactory(urn=115001, local_authority=authorities["Bedford"])

    run_import(gias_csv(school_row(URN="115001"), school_row(URN="115002")))

    assert ReferenceIndex.get_references_to(authorities["Essex"]).count() == 2
    assert ReferenceIndex.get_references_to(authorities["Bedford"]).count() == 0


def test_the_sample_file_imports(authorities):
    for name in ("Hertfordshire", "Norfolk", "Peterborough", "Thurrock"):
        LocalAuthorityFactory(name=name, slug=name.lower())

    with SAMPLE.open("rb") as file:
        result = import_schools(file=file)

    assert (result.created, result.skipped_closed, result.skipped_other_local_authority) == (10, 1, 1)
    assert result.error_count == 0
    assert School.objects.get(urn=990106).name == "St Thérèse Catholic Primary School"
