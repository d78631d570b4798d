"""Exporting the review list as CSV and XLSX: who gets which rows, formula safety, streaming, audit."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from programmes.factories import ProgrammePageFactory, SchoolFactory, career_stage
from talentpool.exports import spreadsheet_safe
from talentpool.factories import (
    AspirantProfileFactory,
    CareerStepFactory,
    FollowUpFactory,
    ProgrammeInterestFactory,
)
from talentpool.log_actions import EXPORT_PROFILE
from talentpool.models import AspirantProfile, CareerStep, FollowUp, ProgrammeInterest, Readiness
from talentpool.selectors import ReviewFilters, aspirants_for_reviewer, profiles_with_programmes

DAY = datetime.timedelta(days=1)

HEADER = [
    "First name",
    "Last name",
    "Email address",
    "School",
    "School URN",
    "Current role",
    "Years in role",
    "Role aiming for",
    "Readiness",
    "Open career steps",
    "Next step target date",
    "Next follow-up due",
    "Last visit date",
    "Programmes interested in",
    "Rising Stars consent",
]


def today():
    return timezone.localdate()


def export_url(file_format: str = "csv") -> str:
    return reverse("talentpool:review_export", args=[file_format])


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body_of(response).decode("utf-8-sig"))))


def xlsx_sheet(response):
    workbook = openpyxl.load_workbook(io.BytesIO(body_of(response)))
    return workbook.worksheets[0]


def xlsx_rows(response) -> list[list]:
    return [list(row) for row in xlsx_sheet(response).iter_rows(values_only=True)]


def download(client, file_format: str = "csv", **params):
    response = client.get(export_url(file_format), params)
    assert response.status_code == 200
    return response


def rows_of(client, file_format: str = "csv", **params) -> list[list]:
    response = download(client, file_format, **params)
    return csv_rows(response) if file_format == "csv" else xlsx_rows(response)


def emails_in(rows: list[list]) -> set[str]:
    return {row[2] for row in rows[1:]}


@pytest.fixture
def everyone(talent_pool):
    """Aspirants at the SIP's school (two), elsewhere in Bedford (one) and in Thurrock (one)."""
    tp = talent_pool
    tp.aspirant.email = "asha@example.org"
    tp.aspirant.save()
    tp.another_aspirant.email = "ben@example.org"
    tp.another_aspirant.save()
    tp.elsewhere_in_la = AspirantProfileFactory(school=tp.other_school, user__email="cara@example.org")
    thurrock_school = SchoolFactory(name="Thurrock High", local_authority=tp.other_local_authority)
    tp.other_la = AspirantProfileFactory(school=thurrock_school, user__email="dev@example.org")
    return tp


# Who gets which rows ------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("sip_of_school", {"asha@example.org", "ben@example.org"}),
        ("sip_of_other_school", {"cara@example.org"}),
        ("sip_assignment_ended", set()),
        ("officer", {"asha@example.org", "ben@example.org", "cara@example.org"}),
        ("officer_of_other_la", {"dev@example.org"}),
    ],
)
def test_reviewers_export_only_the_aspirants_they_review(client, everyone, role, expected, file_format):
    client.force_login(getattr(everyone, role))
    rows = rows_of(client, file_format)
    assert rows[0] == HEADER
    assert emails_in(rows) == expected


def test_a_superuser_exports_everyone(client, everyone, superuser):
    client.force_login(superuser)
    assert emails_in(rows_of(client)) == {
        "asha@example.org",
        "ben@example.org",
        "cara@example.org",
        "dev@example.org",
    }


def test_signed_out_visitors_are_sent_to_sign_in(client, everyone):
    response = client.get(export_url("csv"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not ModelLogEntry.objects.filter(action=EXPORT_PROFILE).exists()


@pytest.mark.parametrize("role", ["aspirant", "another_aspirant"])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_aspirants_may_not_export_the_list(client, everyone, role, file_format):
    client.force_login(getattr(everyone, role))
    response = client.get(export_url(file_format))
    assert response.status_code == 403
    body = response.content.decode()
    for personal in ("Asha", "Patel", "asha@example.org", "ben@example.org", "Oakfield"):
        assert personal not in body
    assert not ModelLogEntry.objects.filter(action=EXPORT_PROFILE).exists()


@pytest.mark.parametrize("file_format", ["pdf", "CSV", "xls", "json"])
def test_unknown_formats_are_not_found(client, everyone, file_format):
    client.force_login(everyone.officer)
    response = client.get(export_url(file_format))
    assert response.status_code == 404
    assert not ModelLogEntry.objects.filter(action=EXPORT_PROFILE).exists()


def test_only_get_is_allowed(client, everyone):
    client.force_login(everyone.officer)
    assert client.post(export_url("csv")).status_code == 405


# What a file holds ------------------------------------------------------------------------------


@pytest.fixture
def asha_in_full(everyone, site_tree):
    """Asha with a step of each kind, two follow-ups, and interest in three programmes."""
    profile = everyone.profile
    profile.years_in_role = 4
    profile.readiness = Readiness.READY_NOW
    profile.rising_stars_consent = True
    profile.next_follow_up_due = datetime.date(2026, 12, 1)
    profile.save()
    CareerStepFactory(profile=profile, target_date=datetime.date(2026, 11, 30))
    CareerStepFactory(
        profile=profile, target_date=datetime.date(2026, 10, 1), status=CareerStep.Status.IN_PROGRESS
    )
    CareerStepFactory(
        profile=profile, target_date=datetime.date(2020, 1, 1), status=CareerStep.Status.ACHIEVED
    )
    FollowUpFactory(profile=profile, visit_date=datetime.date(2025, 9, 3))
    FollowUpFactory(profile=profile, visit_date=datetime.date(2025, 6, 3))
    index = site_tree["programme_index"]
    for title, status in [
        ("Middle leaders network", ProgrammeInterest.Status.ENROLLED),
        ("Aspiring heads", ProgrammeInterest.Status.INTERESTED),
        ("Old course", ProgrammeInterest.Status.WITHDRAWN),
    ]:
        programme = ProgrammePageFactory(parent=index, title=title)
        ProgrammeInterestFactory(profile=profile, programme=programme, status=status)
    return profile


def test_a_csv_row_holds_every_column_with_iso_dates(client, asha_in_full, everyone):
    client.force_login(everyone.sip_of_school)
    rows = rows_of(client, "csv", search="asha@example.org")
    assert rows == [
        HEADER,
        [
            "Asha",
            "Patel",
            "asha@example.org",
            "Oakfield Primary",
            str(everyone.school.urn),
            "Teacher",
            "4",
            "Middle leader",
            "Ready now",
            "2",
            "2026-10-01",
            "2026-12-01",
            "2025-09-03",
            "Aspiring heads; Middle leaders network",
            "Yes",
        ],
    ]


def test_an_xlsx_row_holds_numbers_and_real_dates(client, asha_in_full, everyone):
    client.force_login(everyone.sip_of_school)
    sheet = xlsx_sheet(download(client, "xlsx", search="asha@example.org"))
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    assert rows[1] == [
        "Asha",
        "Patel",
        "asha@example.org",
        "Oakfield Primary",
        everyone.school.urn,
        "Teacher",
        4,
        "Middle leader",
        "Ready now",
        2,
        datetime.datetime(2026, 10, 1),
        datetime.datetime(2026, 12, 1),
        datetime.datetime(2025, 9, 3),
        "Aspiring heads; Middle leaders network",
        "Yes",
    ]
    next_step_cell = sheet.cell(row=2, column=11)
    assert next_step_cell.is_date
    assert next_step_cell.number_format == "yyyy-mm-dd"


def test_empty_answers_are_empty_cells(client, everyone):
    profile = everyone.profile
    profile.current_role = profile.target_role = profile.years_in_role = None
    profile.readiness = ""
    profile.save()
    client.force_login(everyone.sip_of_school)
    [_header, row] = rows_of(client, "xlsx", search="asha@example.org")
    assert row[5:14] == [None, None, None, None, 0, None, None, None, None]
    assert row[14] == "No"


# Filters and order --------------------------------------------------------------------------------


@pytest.fixture
def named(everyone):
    """Four aspirants in Bedford, with names and follow-up dates that sort differently."""
    people = [
        (everyone.profile, "Asha", "Patel", Readiness.READY_NOW, 20),
        (everyone.another_aspirant.aspirant_profile, "Ben", "Adams", Readiness.ONE_TO_TWO_YEARS, 5),
        (everyone.elsewhere_in_la, "Cara", "Zed", Readiness.READY_NOW, 1),
    ]
    for profile, first, last, readiness, due_in in people:
        profile.user.first_name, profile.user.last_name = first, last
        profile.user.save()
        profile.readiness = readiness
        profile.next_follow_up_due = today() + due_in * DAY
        profile.save()
    return everyone


def last_names(rows: list[list]) -> list[str]:
    return [row[1] for row in rows[1:]]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_keeps_the_lists_sort_order(client, named, file_format):
    client.force_login(named.officer)
    assert last_names(rows_of(client, file_format)) == ["Adams", "Patel", "Zed"]
    assert last_names(rows_of(client, file_format, sort="follow-up")) == ["Zed", "Adams", "Patel"]
    assert last_names(rows_of(client, file_format, sort="school")) == ["Adams", "Patel", "Zed"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_lists_filters_apply(client, named, file_format):
    client.force_login(named.officer)
    assert last_names(rows_of(client, file_format, readiness="ready-now")) == ["Patel", "Zed"]
    assert last_names(rows_of(client, file_format, school=named.other_school.pk)) == ["Zed"]
    assert last_names(rows_of(client, file_format, search="ben adams")) == ["Adams"]
    assert last_names(rows_of(client, file_format, follow_up_due="1", sort="follow-up")) == ["Zed", "Adams"]
    both = rows_of(client, file_format, readiness=["ready-now", "1-2-years"], school=named.school.pk)
    assert last_names(both) == ["Adams", "Patel"]


def test_a_filter_cannot_reach_outside_what_the_reviewer_sees(client, named):
    client.force_login(named.sip_of_school)
    # Another school's id in the link is not one of the SIP's choices, so it is ignored.
    rows = rows_of(client, "csv", school=named.other_school.pk)
    assert last_names(rows) == ["Adams", "Patel"]


def test_programme_filter_and_every_page_of_the_list(client, everyone, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], title="Aspiring heads")
    profiles = [AspirantProfileFactory(school=everyone.school) for _ in range(30)]
    for profile in profiles[:27]:
        ProgrammeInterestFactory(profile=profile, programme=programme)
    client.force_login(everyone.sip_of_school)
    assert len(rows_of(client, "csv")) == 1 + 32  # more than a page of the list
    rows = rows_of(client, "csv", programme=programme.pk)
    assert len(rows) == 1 + 27
    assert {row[13] for row in rows[1:]} == {"Aspiring heads"}


# Formula neutralisation ---------------------------------------------------------------------------

DANGEROUS = {
    '=HYPERLINK("https://example.com","Click")': '\'=HYPERLINK("https://example.com","Click")',
    "+1": "'+1",
    "-2": "'-2",
    "@SUM(A1:A2)": "'@SUM(A1:A2)",
    "\tx": "'\tx",
    "\r=1+1": "'\r=1+1",
}


@pytest.mark.parametrize(("value", "safe"), [*DANGEROUS.items(), ("Asha", "Asha"), ("O'Neil", "O'Neil")])
def test_spreadsheet_safe_puts_an_apostrophe_before_formulas(value, safe):
    assert spreadsheet_safe(value) == safe


@pytest.mark.parametrize("value", [None, 0, -2, 3.5, datetime.date(2026, 1, 1), ""])
def test_spreadsheet_safe_leaves_other_values_alone(value):
    assert spreadsheet_safe(value) == value


@pytest.fixture
def formula_names(everyone):
    """Aspirants who typed formulas as their names; one school and role name is a formula too."""
    school = everyone.school
    school.name = "=1+1"
    school.save()
    names = list(DANGEROUS)
    for index, name in enumerate(names):
        AspirantProfileFactory(
            school=school,
            user__first_name=name,
            user__last_name=f"Formula{index}",
            user__email=f"@formula{index}@example.org",
        )
    return everyone


def formula_rows(rows: list[list]) -> list[list]:
    return sorted((row for row in rows[1:] if str(row[1]).startswith("Formula")), key=lambda row: row[1])


def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe(client, formula_names):
    client.force_login(formula_names.sip_of_school)
    rows = formula_rows(rows_of(client, "csv"))
    assert [row[0] for row in rows] == list(DANGEROUS.values())
    assert [row[2] for row in rows] == [f"'@formula{i}@example.org" for i in range(len(DANGEROUS))]
    assert {row[3] for row in rows} == {"'=1+1"}


def test_xlsx_cells_that_would_be_formulas_are_plain_text(client, formula_names):
    client.force_login(formula_names.sip_of_school)
    sheet = xlsx_sheet(download(client, "xlsx"))
    cells = [list(row) for row in sheet.iter_rows(min_row=2)]
    for row in cells:
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                assert cell.data_type == "s"
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    rows = formula_rows([HEADER] + [[cell.value for cell in row] for row in cells])
    # XML reads a carriage return back as a line feed.
    assert [row[0] for row in rows] == [safe.replace("\r", "\n") for safe in DANGEROUS.values()]
    assert {row[3] for row in rows} == {"'=1+1"}


def test_xlsx_drops_control_characters_it_cannot_hold(client, everyone):
    AspirantProfileFactory(school=everyone.school, user__first_name="Bell\x07", user__last_name="Formula0")
    client.force_login(everyone.sip_of_school)
    rows = formula_rows(rows_of(client, "xlsx"))
    assert rows[0][0] == "Bell"


# The response -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_format", "content_type"),
    [
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_the_file_is_a_dated_attachment_never_cached(client, everyone, file_format, content_type):
    client.force_login(everyone.officer)
    response = download(client, file_format)
    assert response["Content-Type"] == content_type
    filename = f"talent-pool-{today().isoformat()}.{file_format}"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    body_of(response)


def test_the_csv_starts_with_a_byte_order_mark_for_excel(client, everyone):
    client.force_login(everyone.officer)
    assert body_of(download(client, "csv")).startswith("\ufeff".encode())


# Audit log ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_every_exported_record_is_logged_once(client, named, file_format):
    client.force_login(named.officer)
    download(client, file_format, readiness="ready-now")
    entries = ModelLogEntry.objects.filter(action=EXPORT_PROFILE)
    assert sorted(int(entry.object_id) for entry in entries) == sorted(
        [named.profile.pk, named.elsewhere_in_la.pk]
    )
    for entry in entries:
        assert entry.user_id == named.officer.pk
        assert entry.data == {"format": file_format}
        assert entry.content_type.model_class() is AspirantProfile
    assert len({entry.uuid for entry in entries}) == 1


def test_an_empty_export_logs_nothing(client, everyone):
    client.force_login(everyone.sip_assignment_ended)
    rows = rows_of(client, "csv")
    assert rows == [HEADER]
    assert not ModelLogEntry.objects.filter(action=EXPORT_PROFILE).exists()


# Size: streaming and query counts -----------------------------------------------------------------


def bulk_aspirants(*, school, count: int, prefix: str, programmes=()) -> list[AspirantProfile]:
    """``count`` aspirants at ``school``, each with an open step, a follow-up and programme interests."""
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(
                username=f"{prefix}{i}",
                first_name=f"First{i}",
                last_name=f"{prefix.title()}{i:05d}",
                email=f"{prefix}{i}@example.org",
                password="!",
            )
            for i in range(count)
        ]
    )
    teacher, middle_leader = career_stage("teacher"), career_stage("middle-leader")
    profiles = AspirantProfile.objects.bulk_create(
        [
            AspirantProfile(
                user=user,
                school=school,
                current_role=teacher,
                target_role=middle_leader,
                years_in_role=2,
                readiness=Readiness.ONE_TO_TWO_YEARS,
                next_follow_up_due=today() + 10 * DAY,
            )
            for user in users
        ]
    )
    CareerStep.objects.bulk_create(
        [
            CareerStep(profile=profile, title="Lead a project", target_date=today() + DAY)
            for profile in profiles
        ]
    )
    FollowUp.objects.bulk_create(
        [FollowUp(profile=profile, visit_date=today() - DAY, notes="Talked.") for profile in profiles]
    )
    ProgrammeInterest.objects.bulk_create(
        [
            ProgrammeInterest(profile=profile, programme=programme)
            for profile in profiles
            for programme in programmes
        ]
    )
    return profiles


def export_queries(client, file_format: str) -> tuple[int, int]:
    """(queries, rows) for one export, reading the whole file inside the count.

    Audit log inserts are left out: they are batched by ``services.profile_export_log`` (tested
    there), and SQLite splits big inserts further by its limit on parameters per query.
    """
    with CaptureQueriesContext(connection) as queries:
        response = client.get(export_url(file_format))
        assert response.status_code == 200
        rows = csv_rows(response) if file_format == "csv" else xlsx_rows(response)
    counted = [q for q in queries if not q["sql"].startswith('INSERT INTO "wagtailcore_modellogentry"')]
    return len(counted), len(rows) - 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_queries_do_not_grow_with_the_number_of_aspirants(client, everyone, site_tree, file_format):
    index = site_tree["programme_index"]
    programmes = [ProgrammePageFactory(parent=index, title=f"Programme {i}") for i in range(2)]
    bulk_aspirants(school=everyone.school, count=10, prefix="small", programmes=programmes)
    client.force_login(everyone.sip_of_school)
    download(client, file_format)  # warms caches (content types), as a running site would have them
    small = export_queries(client, file_format)
    bulk_aspirants(school=everyone.school, count=990, prefix="large", programmes=programmes)
    large = export_queries(client, file_format)
    assert small == (small[0], 12)
    assert large == (small[0], 1002)
    assert small[0] <= 12, small


def test_an_export_of_ten_thousand_rows_is_streamed(client, everyone):
    bulk_aspirants(school=everyone.school, count=10_000, prefix="many")
    client.force_login(everyone.sip_of_school)
    for file_format, response_class in [("csv", StreamingHttpResponse), ("xlsx", FileResponse)]:
        response = download(client, file_format)
        assert response.streaming
        assert isinstance(response, response_class)
        chunks = [len(chunk) for chunk in response.streaming_content]
        # Sent a piece at a time, not as one body.
        assert len(chunks) > 5
        assert max(chunks) <= 64 * 1024 < sum(chunks)
    assert ModelLogEntry.objects.filter(action=EXPORT_PROFILE).count() == 2 * 10_002


def test_the_rows_are_read_a_chunk_at_a_time(everyone, site_tree):
    """One query for the profiles, read through a cursor, and one per chunk for their programmes."""
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], title="Aspiring heads")
    bulk_aspirants(school=everyone.school, count=8, prefix="few", programmes=[programme])
    profiles = aspirants_for_reviewer(user=everyone.sip_of_school, filters=ReviewFilters())
    with CaptureQueriesContext(connection) as queries:
        rows = list(profiles_with_programmes(profiles=profiles, chunk_size=3))
    assert len(rows) == 10
    assert len(queries) == 1 + 4
    assert [titles for _profile, titles in rows].count(["Aspiring heads"]) == 8
    assert [profile.pk for profile, _titles in rows] == list(profiles.values_list("pk", flat=True))
