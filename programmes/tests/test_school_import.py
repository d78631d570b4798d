"""Importing schools from a Get Information About Schools (GIAS) CSV export."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

from home.factories import UserFactory
from programmes import school_import
from programmes.factories import LocalAuthorityFactory, SchoolFactory
from programmes.forms import SchoolImportForm
from programmes.models import School
from programmes.school_import import SchoolImportError, import_schools

COLUMNS = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "PhaseOfEducation (name)",
    "StatutoryLowAge",
    "Postcode",
]
CURLY_NAME = (
    "St Mary\u2019s & St John\u2019s Church of England Primary School, Leigh-on-Sea"  # curly apostrophes
)
SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "gias_sample.csv"
IMPORT_URL = "/admin/schools/import/"


def school_row(**values) -> dict:
    return {
        "URN": "115000",
        "LA (code)": "881",
        "LA (name)": "Essex",
        "EstablishmentName": "Meadow Lane Primary School",
        "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary",
        "StatutoryLowAge": "4",
        "Postcode": "CM1 1AA",
        **values,
    }


def gias_csv(*rows: dict, columns=COLUMNS, encoding="cp1252", bom=False) -> bytes:
    """A GIAS-like export: Windows line endings, cp1252 unless told otherwise."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode(encoding)


def run_import(data: bytes):
    return import_schools(file=io.BytesIO(data))


@pytest.fixture
def authorities(db):
    return {
        name: LocalAuthorityFactory(name=name, slug=name.lower())
        for name in ("Essex", "Southend-on-Sea", "Suffolk", "Bedford")
    }


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


WRONG_FILES = {
    "empty": (b"", "The file is empty."),
    "blank": (b"\r\n\r\n", "The file is empty."),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "This is a PDF file"),
    "xlsx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "This is a ZIP or Excel file"),
    "utf-16": ("URN,EstablishmentName\r\n".encode("utf-16"), "This is not a CSV file."),
    "binary": (bytes(range(256)) * 300, "This is not a CSV file."),
    "other csv": (
        b"Name,Email\r\nAda,ada@example.org\r\n",
        "it has none of the columns URN, EstablishmentName",
    ),
    "one column missing": (
        gias_csv(school_row(), columns=[c for c in COLUMNS if c != "PhaseOfEducation (name)"]),
        "The file has no 'PhaseOfEducation (name)' column.",
    ),
    "not text halfway": (
        gias_csv(school_row(URN="115001"), school_row(URN="115002")) + b"\x81\x8d\x8f\x90\r\n",
        "Line 4 of the file is not text.",
    ),
}


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


# The management command


def test_the_command_imports_a_file_and_prints_a_summary(authorities, tmp_path, capsys):
    path = tmp_path / "edubasealldata.csv"
    path.write_bytes(
        gias_csv(
            school_row(URN="115001", EstablishmentName=CURLY_NAME),
            school_row(URN="115002", **{"EstablishmentStatus (name)": "Closed"}),
            school_row(URN="115003", **{"LA (name)": "Norfolk"}),
            school_row(URN="oops"),
        )
    )
    stdout = io.StringIO()

    call_command("import_schools", str(path), stdout=stdout)

    output = stdout.getvalue()
    assert "Imported edubasealldata.csv." in output
    assert "Created: 1" in output
    assert "Updated: 0" in output
    assert "Skipped, closed: 1" in output
    assert "Skipped, not in a participating local authority: 1" in output
    assert "Rows with errors: 1" in output
    assert "Row 5 (URN oops): The URN 'oops' is not a whole number." in output
    assert "Importing schools" in capsys.readouterr().err  # the progress bar
    assert School.objects.get().name == CURLY_NAME


def test_the_command_stops_with_a_clear_message_on_a_wrong_file(authorities, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(WRONG_FILES["pdf"][0])

    with pytest.raises(
        CommandError, match=re.escape("report.pdf was not imported. This is a PDF file, not a CSV file.")
    ):
        call_command("import_schools", str(path), verbosity=0)

    assert not School.objects.exists()


def test_the_command_says_when_there_is_no_file(db, tmp_path):
    with pytest.raises(CommandError, match=r"There is no file at .*missing\.csv\. Check the path"):
        call_command("import_schools", str(tmp_path / "missing.csv"))


# The admin upload


def upload(content: bytes, name="edubasealldata.csv"):
    return {"file": SimpleUploadedFile(name, content, content_type="text/csv")}


def test_an_la_officer_finds_the_import_button_on_the_schools_listing(client, la_officer):
    client.force_login(la_officer)

    response = client.get(reverse("wagtailsnippets_programmes_school:list"))

    assert response.status_code == 200
    assert IMPORT_URL.encode() in response.content
    assert b"Import schools" in response.content


def test_an_la_officer_uploads_a_file_and_sees_the_results(client, la_officer, authorities):
    client.force_login(la_officer)
    form_page = client.get(IMPORT_URL)
    assert form_page.status_code == 200
    assert b'type="file"' in form_page.content

    response = client.post(
        IMPORT_URL,
        upload(
            gias_csv(
                school_row(URN="115001", EstablishmentName=CURLY_NAME),
                school_row(URN="115002", **{"EstablishmentStatus (name)": "Closed"}),
                school_row(URN="115003", **{"PhaseOfEducation (name)": "Middle school"}),
            )
        ),
    )

    assert response.status_code == 200
    assert "programmes/admin/school_import_results.html" in [t.name for t in response.templates]
    result = response.context["result"]
    assert (result.created, result.skipped_closed, result.error_count) == (1, 1, 1)
    content = response.content.decode()
    assert "Schools imported" in content
    assert "1 row could not be imported." in content
    assert "<td>4</td>" in content and "<td>115003</td>" in content
    assert "The phase &#x27;Middle school&#x27; is not one the portal knows." in content
    assert School.objects.get().name == CURLY_NAME


def test_a_moderator_may_import_too(client, moderator, authorities):
    client.force_login(moderator)

    response = client.post(IMPORT_URL, upload(gias_csv(school_row())))

    assert response.status_code == 200
    assert School.objects.count() == 1


def test_a_wrong_file_gets_an_error_next_to_the_field_and_changes_nothing(client, la_officer, authorities):
    client.force_login(la_officer)

    response = client.post(IMPORT_URL, upload(WRONG_FILES["pdf"][0], name="minutes.pdf"))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This is a PDF file, not a CSV file. "
        "Choose the CSV file you downloaded from Get Information About Schools."
    ]
    assert "The schools were not imported." in response.content.decode()
    assert not School.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, la_officer, authorities, monkeypatch):
    monkeypatch.setattr(SchoolImportForm, "MAX_UPLOAD_SIZE", 100)
    client.force_login(la_officer)

    response = client.post(IMPORT_URL, upload(gias_csv(school_row(), school_row(URN="115001"))))

    assert response.status_code == 200
    assert "larger than the 50 MB limit" in response.context["form"].errors["file"][0]
    assert not School.objects.exists()


def test_no_file_chosen_says_what_to_do(client, la_officer):
    client.force_login(la_officer)

    response = client.post(IMPORT_URL, {})

    assert response.context["form"].errors["file"] == [
        "Choose the CSV file you downloaded from Get Information About Schools."
    ]


@pytest.fixture
def school_viewer(db):
    """An admin user who may see schools but not add them."""
    user = UserFactory(username="viewer")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_school"),
    )
    return user


def test_someone_who_may_not_add_schools_is_refused(client, school_viewer, authorities):
    client.force_login(school_viewer)

    # Wagtail's admin answers PermissionDenied by sending the user home with a message.
    for response in (
        client.get(IMPORT_URL, follow=True),
        client.post(IMPORT_URL, upload(gias_csv(school_row())), follow=True),
    ):
        assert response.redirect_chain == [("/admin/", 302)]
        assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert not School.objects.exists()
    listing = client.get(reverse("wagtailsnippets_programmes_school:list"))
    assert listing.status_code == 200
    assert IMPORT_URL.encode() not in listing.content


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response.url
