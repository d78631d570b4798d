"""The "Leadership pipeline" report in the Wagtail admin: its numbers, who may see it, its filters."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.factories import TEST_PASSWORD
from portal.testing.browser import assert_no_serious_axe_violations, assert_page_healthy
from programmes.factories import LocalAuthorityFactory, ProgrammePageFactory, SchoolFactory, career_stage
from programmes.models import School
from programmes.roles import LA_OFFICERS
from talentpool.factories import (
    AspirantProfileFactory,
    ProgrammeInterestFactory,
    SIPAssignmentFactory,
    staff_user,
)
from talentpool.models import AspirantProfile, ProgrammeInterest, Readiness
from talentpool.roles import SCHOOL_IMPROVEMENT_PARTNERS
from talentpool.selectors import pipeline_report_for

REPORT_URL = "/admin/reports/leadership-pipeline/"
READY_NOW, ONE_TO_TWO, THREE_PLUS, NOT_GIVEN = 0, 1, 2, 3  # columns of the role x readiness rows


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def aspirant(school, current, target, readiness, *, follow_up_in=None, joined_days_ago=None, **kwargs):
    profile = AspirantProfileFactory(
        school=school,
        current_role=career_stage(current),
        target_role=career_stage(target) if target else None,
        readiness=readiness,
        next_follow_up_due=days_from_today(follow_up_in) if follow_up_in is not None else None,
        **kwargs,
    )
    if joined_days_ago is not None:
        AspirantProfile.objects.filter(pk=profile.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=joined_days_ago)
        )
    return profile


def interest(profile, programme, status, *, registered_days_ago=None):
    record = ProgrammeInterestFactory(profile=profile, programme=programme, status=status)
    if registered_days_ago is not None:
        ProgrammeInterest.objects.filter(pk=record.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=registered_days_ago)
        )
    return record


def sip(local_authority, first_name, last_name):
    return staff_user(
        group=SCHOOL_IMPROVEMENT_PARTNERS,
        local_authority=local_authority,
        first_name=first_name,
        last_name=last_name,
        username=first_name.lower(),
    )


@pytest.fixture
def pipeline(site_tree):
    """A known Bedford talent pool (seven aspirants), and one Thurrock aspirant the officer never sees.

    Bedford: three teachers ready now and two middle leaders in 1 to 2 years at a primary school;
    one middle leader in 1 to 2 years at a secondary; one teaching assistant (readiness and target
    not given) at a special school. Two joined 400 days ago. Two SIPs: Sally (the primary, assigned
    twice) and Tom (the secondary and the special school); Ursula's assignment has ended.
    """
    bedford = LocalAuthorityFactory(name="Bedford")
    thurrock = LocalAuthorityFactory(name="Thurrock")
    primary = SchoolFactory(name="Oakfield Primary", local_authority=bedford, phase=School.Phase.PRIMARY)
    secondary = SchoolFactory(name="Riverside Academy", local_authority=bedford, phase=School.Phase.SECONDARY)
    special = SchoolFactory(name="Brook School", local_authority=bedford, phase=School.Phase.SPECIAL)
    thurrock_school = SchoolFactory(
        name="Grays Academy", local_authority=thurrock, phase=School.Phase.SECONDARY
    )

    index = site_tree["programme_index"]
    middle = ProgrammePageFactory(parent=index, title="Aspiring middle leaders")
    headship = ProgrammePageFactory(parent=index, title="Headship ready")

    teachers = [
        aspirant(primary, "teacher", "middle-leader", Readiness.READY_NOW, follow_up_in=-3),
        aspirant(primary, "teacher", "middle-leader", Readiness.READY_NOW, follow_up_in=5),
        aspirant(
            primary, "teacher", "middle-leader", Readiness.READY_NOW, follow_up_in=20, joined_days_ago=400
        ),
    ]
    middle_leaders = [
        aspirant(primary, "middle-leader", "senior-leader", Readiness.ONE_TO_TWO_YEARS, follow_up_in=-40),
        aspirant(primary, "middle-leader", "senior-leader", Readiness.ONE_TO_TWO_YEARS),
        aspirant(
            secondary,
            "middle-leader",
            "deputy-headteacher",
            Readiness.ONE_TO_TWO_YEARS,
            follow_up_in=0,
            joined_days_ago=400,
        ),
    ]
    aspirant(special, "teaching-assistant", None, "", follow_up_in=14)
    outsider = aspirant(thurrock_school, "teacher", "middle-leader", Readiness.READY_NOW, follow_up_in=-1)

    interest(teachers[0], middle, ProgrammeInterest.Status.INTERESTED)
    interest(teachers[1], middle, ProgrammeInterest.Status.INTERESTED, registered_days_ago=400)
    interest(teachers[2], middle, ProgrammeInterest.Status.ENROLLED)
    interest(middle_leaders[0], middle, ProgrammeInterest.Status.COMPLETED)
    interest(middle_leaders[1], headship, ProgrammeInterest.Status.ENROLLED)
    interest(middle_leaders[2], headship, ProgrammeInterest.Status.WITHDRAWN)
    interest(outsider, middle, ProgrammeInterest.Status.INTERESTED)

    sally = sip(bedford, "Sally", "Adams")
    SIPAssignmentFactory(school=primary, sip=sally)
    SIPAssignmentFactory(school=primary, sip=sally, starts_on=days_from_today(-5))
    tom = sip(bedford, "Tom", "Baker")
    SIPAssignmentFactory(school=secondary, sip=tom)
    SIPAssignmentFactory(school=special, sip=tom)
    ursula = sip(bedford, "Ursula", "Clark")
    SIPAssignmentFactory(
        school=primary, sip=ursula, starts_on=days_from_today(-400), ends_on=days_from_today(-1)
    )
    SIPAssignmentFactory(school=thurrock_school, sip=sip(thurrock, "Vera", "Dunn"))

    return SimpleNamespace(
        bedford=bedford,
        thurrock=thurrock,
        primary=primary,
        programmes=(middle, headship),
        officer=staff_user(group=LA_OFFICERS, local_authority=bedford, username="bedford-officer"),
        officer_of_other_la=staff_user(
            group=LA_OFFICERS, local_authority=thurrock, username="thurrock-officer"
        ),
        sip=sally,
        sip_ended=ursula,
        aspirant=teachers[0].user,
    )


def labelled(rows: list[dict], key: str = "counts") -> dict:
    return {row["label"]: row[key] for row in rows}


# The numbers ------------------------------------------------------------------------------------


def test_the_numbers_for_a_bedford_officer_match_the_data_set(pipeline):
    report = pipeline_report_for(user=pipeline.officer)

    assert report["totals"] == {
        "aspirants": 7,
        "follow_ups_overdue": 2,
        "follow_ups_due_soon": 3,
        "programme_interests": 6,
    }
    assert [label for _value, label in report["readiness_columns"]] == [
        "Ready now",
        "In 1 to 2 years",
        "In 3 years or more",
        "Not given",
    ]
    # Rows in career order: teaching assistant, teacher, middle leader.
    assert report["by_role_and_readiness"] == [
        {"label": "Teaching assistant", "counts": [0, 0, 0, 1], "total": 1},
        {"label": "Teacher", "counts": [3, 0, 0, 0], "total": 3},
        {"label": "Middle leader", "counts": [0, 3, 0, 0], "total": 3},
    ]
    assert report["by_phase"] == [
        {"label": "Primary", "count": 5},
        {"label": "Secondary", "count": 1},
        {"label": "Special", "count": 1},
    ]
    assert report["by_target_role"] == [
        {"label": "Middle leader", "count": 3},
        {"label": "Senior leader", "count": 2},
        {"label": "Deputy headteacher", "count": 1},
        {"label": "Not given", "count": 1},
    ]
    # Interested, enrolled, completed, withdrawn.
    assert report["programme_interest"] == [
        {"label": "Aspiring middle leaders", "counts": [2, 1, 1, 0], "total": 4},
        {"label": "Headship ready", "counts": [0, 1, 0, 1], "total": 2},
    ]
    # Overdue, due within 14 days (today and the 14th day count). Sally's two assignments to
    # the same school count each aspirant once; Ursula's assignment has ended; Vera is Thurrock's.
    assert report["follow_ups_by_sip"] == [
        {"label": "Sally Adams", "counts": [2, 1], "total": 3},
        {"label": "Tom Baker", "counts": [0, 2], "total": 2},
    ]


def test_the_date_range_counts_aspirants_by_when_they_joined_and_interest_by_when_it_was_registered(
    pipeline,
):
    report = pipeline_report_for(user=pipeline.officer, date_from=days_from_today(-30))

    assert report["totals"] == {
        "aspirants": 5,
        "follow_ups_overdue": 2,
        "follow_ups_due_soon": 2,
        "programme_interests": 5,
    }
    assert labelled(report["by_role_and_readiness"]) == {
        "Teaching assistant": [0, 0, 0, 1],
        "Teacher": [2, 0, 0, 0],
        "Middle leader": [0, 2, 0, 0],
    }
    assert labelled(report["by_phase"], "count") == {"Primary": 4, "Special": 1}
    assert labelled(report["programme_interest"]) == {
        "Aspiring middle leaders": [1, 1, 1, 0],
        "Headship ready": [0, 1, 0, 1],
    }
    assert labelled(report["follow_ups_by_sip"]) == {"Sally Adams": [2, 1], "Tom Baker": [0, 1]}

    old = pipeline_report_for(
        user=pipeline.officer, date_from=days_from_today(-401), date_to=days_from_today(-399)
    )
    assert old["totals"]["aspirants"] == 2
    assert old["totals"]["programme_interests"] == 1
    assert labelled(old["by_phase"], "count") == {"Primary": 1, "Secondary": 1}


def test_both_ends_of_the_date_range_are_included(pipeline):
    joined = timezone.localdate() - datetime.timedelta(days=400)

    report = pipeline_report_for(user=pipeline.officer, date_from=joined, date_to=joined)

    assert report["totals"]["aspirants"] == 2


def test_another_las_aspirants_are_never_counted_for_a_bedford_officer(pipeline):
    report = pipeline_report_for(user=pipeline.officer, local_authority=pipeline.thurrock)

    assert report["totals"] == {
        "aspirants": 0,
        "follow_ups_overdue": 0,
        "follow_ups_due_soon": 0,
        "programme_interests": 0,
    }
    assert report["follow_ups_by_sip"] == []

    thurrock = pipeline_report_for(user=pipeline.officer_of_other_la)
    assert thurrock["totals"]["aspirants"] == 1
    # Everyone there gave their readiness, so there is no "Not given" column.
    assert [label for _value, label in thurrock["readiness_columns"]] == [
        "Ready now",
        "In 1 to 2 years",
        "In 3 years or more",
    ]
    assert thurrock["by_role_and_readiness"] == [{"label": "Teacher", "counts": [1, 0, 0], "total": 1}]
    assert labelled(thurrock["follow_ups_by_sip"]) == {"Vera Dunn": [1, 0]}
    assert labelled(thurrock["programme_interest"]) == {"Aspiring middle leaders": [1, 0, 0, 0]}


def test_a_superuser_sees_every_la_or_the_one_they_choose(pipeline, superuser):
    everything = pipeline_report_for(user=superuser)
    assert everything["totals"] == {
        "aspirants": 8,
        "follow_ups_overdue": 3,
        "follow_ups_due_soon": 3,
        "programme_interests": 7,
    }
    assert [row["label"] for row in everything["follow_ups_by_sip"]] == [
        "Sally Adams",
        "Tom Baker",
        "Vera Dunn",
    ]

    thurrock = pipeline_report_for(user=superuser, local_authority=pipeline.thurrock)
    assert thurrock["totals"]["aspirants"] == 1
    assert [row["label"] for row in thurrock["follow_ups_by_sip"]] == ["Vera Dunn"]


def test_people_who_are_not_la_officers_get_an_empty_report_from_the_selector(pipeline):
    report = pipeline_report_for(user=pipeline.sip)

    assert report["totals"]["aspirants"] == 0
    assert report["follow_ups_by_sip"] == []


def _bulk_aspirants(school, count: int, start: int) -> None:
    """Many profiles quickly (factories would take minutes for hundreds)."""
    user_model = AspirantProfile._meta.get_field("user").related_model
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"bulk-{start + n}", email=f"bulk-{start + n}@example.org")
            for n in range(count)
        ]
    )
    stages = [career_stage("teacher"), career_stage("middle-leader"), career_stage("senior-leader")]
    readiness = [Readiness.READY_NOW, Readiness.ONE_TO_TWO_YEARS, Readiness.THREE_PLUS_YEARS]
    AspirantProfile.objects.bulk_create(
        [
            AspirantProfile(
                user=user,
                school=school,
                current_role=stages[n % 3],
                target_role=stages[(n + 1) % 3],
                readiness=readiness[n % 3],
                next_follow_up_due=days_from_today(n % 30 - 10),
            )
            for n, user in enumerate(users)
        ]
    )


def _report_queries(**kwargs) -> int:
    with CaptureQueriesContext(connection) as queries:
        pipeline_report_for(**kwargs)
    return len(queries)


def test_the_report_makes_the_same_few_queries_for_10_or_500_aspirants(pipeline, superuser, client):
    _bulk_aspirants(pipeline.primary, 10, start=0)
    small = _report_queries(user=pipeline.officer)
    small_superuser = _report_queries(user=superuser)
    client.force_login(pipeline.officer)
    with CaptureQueriesContext(connection) as small_page:
        assert client.get(REPORT_URL).status_code == 200

    _bulk_aspirants(pipeline.primary, 490, start=10)
    assert pipeline_report_for(user=pipeline.officer)["totals"]["aspirants"] == 507
    assert _report_queries(user=pipeline.officer) == small <= 6
    assert _report_queries(user=superuser) == small_superuser <= 6
    with CaptureQueriesContext(connection) as large_page:
        assert client.get(REPORT_URL).status_code == 200
    assert len(large_page) == len(small_page)


# The page ---------------------------------------------------------------------------------------


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def table_rows(soup: BeautifulSoup, section: str) -> dict[str, list[str]]:
    table = soup.select_one(f"#section-{section} table")
    return {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in table.select("tbody tr, tfoot tr")
    }


def test_an_officer_sees_charts_and_tables_with_the_same_numbers(client, pipeline):
    client.force_login(pipeline.officer)

    soup = page(client.get(REPORT_URL))

    assert soup.title.get_text().startswith("Leadership pipeline")
    assert [item.get_text(" ", strip=True) for item in soup.select("#pipeline-totals li")] == [
        "7 aspirants",
        "6 programme interests",
        "2 follow-ups overdue",
        "3 follow-ups due in the next 14 days",
    ]
    assert table_rows(soup, "role-readiness") == {
        "Teaching assistant": ["0", "0", "0", "1", "1"],
        "Teacher": ["3", "0", "0", "0", "3"],
        "Middle leader": ["0", "3", "0", "0", "3"],
        "Total": ["3", "3", "0", "1", "7"],
    }
    assert table_rows(soup, "phase") == {
        "Primary": ["5"],
        "Secondary": ["1"],
        "Special": ["1"],
        "Total": ["7"],
    }
    assert table_rows(soup, "target-role")["Deputy headteacher"] == ["1"]
    assert table_rows(soup, "programme-interest") == {
        "Aspiring middle leaders": ["2", "1", "1", "0", "4"],
        "Headship ready": ["0", "1", "0", "1", "2"],
        "Total": ["2", "2", "1", "1", "6"],
    }
    assert table_rows(soup, "follow-ups") == {"Sally Adams": ["2", "1", "3"], "Tom Baker": ["0", "2", "2"]}
    assert "Vera" not in soup.get_text() and "Grays" not in soup.get_text()

    for section in ("role-readiness", "phase", "target-role", "programme-interest", "follow-ups"):
        figure = soup.select_one(f"#section-{section} figure")
        assert figure.figcaption.get_text(strip=True)
        svg = figure.svg
        assert svg["role"] == "img"
        assert svg.title.get_text(strip=True) and svg.desc.get_text(strip=True)
        assert svg["aria-labelledby"] == f"{svg.title['id']} {svg.desc['id']}"
        table = soup.select_one(f"#section-{section} table")
        assert table.caption.get_text(strip=True)
        assert {th["scope"] for th in table.select("thead th")} == {"col"}
        assert {th["scope"] for th in table.select("tbody th")} == {"row"}

    # The bars carry their numbers; the longest bar is the biggest number.
    phase_chart = soup.select_one("#section-phase svg")
    assert [text.get_text() for text in phase_chart.select(".pipeline-chart__value")] == ["5", "1", "1"]
    widths = [float(rect["width"].rstrip("%")) for rect in phase_chart.select("rect")]
    assert widths[0] > widths[1] == widths[2] > 0
    assert "Primary: 5" in phase_chart.desc.get_text()
    readiness_values = [
        text.get_text() for text in soup.select("#section-role-readiness .pipeline-chart__value")
    ]
    assert readiness_values[4:8] == ["3 ready now", "0 in 1 to 2 years", "0 in 3+ years", "0 not given"]


def test_the_date_range_in_the_url_filters_the_page(client, pipeline):
    client.force_login(pipeline.officer)
    date_from = days_from_today(-30).isoformat()

    soup = page(client.get(REPORT_URL, {"date_from": date_from, "date_to": ""}))

    assert soup.select_one("#pipeline-totals li").get_text(" ", strip=True) == "5 aspirants"
    assert soup.select_one("input[name=date_from]")["value"] == date_from
    scope = " ".join(soup.select_one("#pipeline-scope").get_text().split())
    assert (
        scope == f"Aspirants in your local authority who joined on or after {days_from_today(-30):%-d %B %Y}"
    )
    assert table_rows(soup, "phase") == {"Primary": ["4"], "Special": ["1"], "Total": ["5"]}


def test_a_start_date_after_the_end_date_is_explained_and_the_report_shows_all_dates(client, pipeline):
    client.force_login(pipeline.officer)

    response = client.get(REPORT_URL, {"date_from": "2026-06-01", "date_to": "2026-01-01"})

    soup = page(response)
    text = soup.get_text(" ", strip=True)
    assert "The end date must be the same as or after the start date. Change one of the dates." in text
    assert "There is a problem with the dates." in text
    assert soup.select_one("input[name=date_from]")["value"] == "2026-06-01"
    assert soup.select_one("#pipeline-totals li").get_text(" ", strip=True) == "7 aspirants"


def test_a_date_that_is_not_a_date_is_explained(client, pipeline):
    client.force_login(pipeline.officer)

    soup = page(client.get(REPORT_URL, {"date_from": "31/02/2026"}))

    assert "Enter the start date as a real date, for example 2025-09-01." in soup.get_text(" ", strip=True)
    assert soup.select_one("#pipeline-totals li").get_text(" ", strip=True) == "7 aspirants"


def test_an_officer_cannot_choose_another_la_through_the_url(client, pipeline):
    client.force_login(pipeline.officer)

    soup = page(client.get(REPORT_URL, {"local_authority": pipeline.thurrock.pk}))

    assert soup.select_one("select[name=local_authority]") is None
    assert soup.select_one("#pipeline-totals li").get_text(" ", strip=True) == "7 aspirants"


def test_a_superuser_sees_every_la_and_may_choose_one(client, pipeline, superuser):
    client.force_login(superuser)

    soup = page(client.get(REPORT_URL))
    assert soup.select_one("#pipeline-totals li").get_text(" ", strip=True) == "8 aspirants"
    options = [option.get_text(strip=True) for option in soup.select("select[name=local_authority] option")]
    assert options == ["All local authorities", "Bedford", "Thurrock"]

    soup = page(client.get(REPORT_URL, {"local_authority": pipeline.thurrock.pk}))
    assert soup.select_one("#pipeline-totals li").get_text(" ", strip=True) == "1 aspirant"
    assert table_rows(soup, "follow-ups") == {"Vera Dunn": ["1", "0", "1"]}


def test_an_officer_with_no_aspirants_sees_empty_sections(client, db):
    quiet = LocalAuthorityFactory(name="Quiet")
    officer = staff_user(group=LA_OFFICERS, local_authority=quiet, username="quiet-officer")
    client.force_login(officer)

    soup = page(client.get(REPORT_URL))

    assert soup.select("svg[role=img]") == []
    assert soup.select("table") == []
    assert len(soup.find_all(string="No aspirants to count.")) == 3
    assert soup.find(string="No programme interest to count.")
    assert soup.find(string="No School Improvement Partners are assigned to schools at the moment.")


def test_the_menu_item_is_only_for_those_who_may_see_the_report(client, pipeline, superuser, moderator):
    for user in (pipeline.officer, superuser):
        client.force_login(user)
        assert REPORT_URL in client.get("/admin/").content.decode()
    client.force_login(moderator)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert REPORT_URL not in home.content.decode()


@pytest.mark.parametrize("who", ["moderator", "la_officer_without_la"])
def test_admin_users_who_are_not_la_officers_of_an_la_are_refused(
    client, pipeline, moderator, la_officer, who
):
    client.force_login({"moderator": moderator, "la_officer_without_la": la_officer}[who])

    response = client.get(REPORT_URL, follow=True)

    # Wagtail's admin answers PermissionDenied by sending the user home with a message.
    assert response.redirect_chain == [("/admin/", 302)]
    content = response.content.decode()
    assert "Sorry, you do not have permission to access this area." in content
    assert "pipeline-totals" not in content and "Sally" not in content


@pytest.mark.parametrize("who", ["sip", "sip_ended", "aspirant"])
def test_sips_and_aspirants_are_refused(client, pipeline, who):
    client.force_login(getattr(pipeline, who))

    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert b"Sally" not in response.content


def test_signed_out_visitors_are_sent_to_sign_in(client, pipeline):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


# In Chromium ------------------------------------------------------------------------------------


def admin_sign_in(page, user) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.mark.browser
@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_an_officer_filters_the_report_by_keyboard_and_it_stays_accessible(
    request, page_fixture, transactional_db, django_db_serialized_rollback, pipeline
):
    """``transactional_db`` before ``pipeline``: the live server must see its rows committed
    (on SQLite's shared in-memory database it would see them anyway; on PostgreSQL it would not)."""
    page = request.getfixturevalue(page_fixture)
    page.emulate_media(color_scheme="dark")
    admin_sign_in(page, pipeline.officer)

    page.goto(REPORT_URL)
    assert page.locator("#pipeline-totals li").first.inner_text().split() == ["7", "aspirants"]
    # The charts draw inside the page's width, however narrow.
    page_width = page.evaluate("() => document.documentElement.clientWidth")
    for box in (svg.bounding_box() for svg in page.locator("svg[role=img]").all()):
        assert box["width"] > 0 and box["x"] + box["width"] <= page_width
    assert_no_serious_axe_violations(page)

    page.fill("#id_date_from", days_from_today(-30).isoformat())
    page.keyboard.press("Escape")  # close the date picker
    page.get_by_role("button", name="Show report").press("Enter")
    page.wait_for_url("**date_from=*")
    assert page.locator("#pipeline-totals li").first.inner_text().split() == ["5", "aspirants"]

    page.fill("#id_date_to", days_from_today(-60).isoformat())
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Show report").press("Enter")
    page.wait_for_url("**date_to=*")
    assert page.get_by_text("The end date must be the same as or after the start date.").is_visible()
    assert page.locator("#pipeline-totals li").first.inner_text().split() == ["7", "aspirants"]
    assert_page_healthy(page)
    assert_no_serious_axe_violations(page)
