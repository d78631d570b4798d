"""My leadership pathway: "Who has looked at your record", from the audit log about the profile."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.factories import UserFactory
from programmes.factories import ProgrammePageFactory
from talentpool import selectors
from talentpool.factories import CareerStepFactory, FollowUpFactory, ProgrammeInterestFactory
from talentpool.services import follow_up_record, profile_view_log

URL = reverse("talentpool:dashboard")
UTC = datetime.UTC


@pytest.fixture
def people(talent_pool):
    tp = talent_pool
    for user, first, last in [
        (tp.sip_of_school, "Sam", "Jones"),
        (tp.officer, "Olive", "Officer"),
        (tp.sip_of_other_school, "Rae", "Other"),
    ]:
        user.first_name, user.last_name = first, last
        user.save()
    return tp


def section(client) -> BeautifulSoup:
    """The "Who has looked at your record" section of the signed-in aspirant's dashboard."""
    response = client.get(URL)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find(id="record-views")
    assert heading.get_text() == "Who has looked at your record"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


def rows(client) -> list[list[str]]:
    table = section(client).find("table")
    if table is None:
        return []
    return [
        [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all("td")]
        for row in table.find("tbody").find_all("tr")
    ]


def at(entry_filter: dict, when: datetime.datetime) -> None:
    """Move log entries to ``when``, so tests can say what the page shows."""
    ModelLogEntry.objects.filter(**entry_filter).update(timestamp=when)


def test_nobody_has_looked_yet(client, people):
    client.force_login(people.aspirant)
    assert "Nobody else has looked at your record yet." in section(client).get_text()
    assert rows(client) == []


def test_an_aspirant_without_a_profile_sees_the_empty_state(client, people):
    newcomer = UserFactory()
    newcomer.groups.add(*people.aspirant.groups.all())
    client.force_login(newcomer)
    assert "Nobody else has looked at your record yet." in section(client).get_text()


def test_a_sips_view_appears_with_their_role_and_london_time(client, people):
    profile_view_log(viewer=people.sip_of_school, profile=people.profile)
    at({"user": people.sip_of_school}, datetime.datetime(2026, 7, 1, 13, 5, tzinfo=UTC))
    client.force_login(people.aspirant)
    assert rows(client) == [
        ["Sam Jones School Improvement Partner", "Looked at your record", "1 July 2026, 2:05pm"]
    ]
    time = section(client).find("time")
    assert time["datetime"] == "2026-07-01T14:05:00+01:00"


def test_winter_times_are_gmt(client, people):
    profile_view_log(viewer=people.officer, profile=people.profile)
    at({"user": people.officer}, datetime.datetime(2026, 1, 15, 9, 30, tzinfo=UTC))
    client.force_login(people.aspirant)
    assert rows(client) == [["Olive Officer LA officer", "Looked at your record", "15 January 2026, 9:30am"]]


def test_another_aspirants_views_do_not_appear(client, people):
    other = people.another_aspirant.aspirant_profile
    profile_view_log(viewer=people.sip_of_school, profile=other)
    profile_view_log(viewer=people.officer, profile=other)
    client.force_login(people.aspirant)
    assert rows(client) == []
    client.force_login(people.another_aspirant)
    assert len(rows(client)) == 2


def test_an_export_appears_worded_as_a_download(client, people):
    client.force_login(people.officer)
    response = client.get(reverse("talentpool:review_export", args=["csv"]))
    b"".join(response.streaming_content)
    client.force_login(people.aspirant)
    [row] = rows(client)
    assert row[0] == "Olive Officer LA officer"
    assert row[1] == "Downloaded a list that included your record"


def test_a_follow_up_and_an_officers_change_are_described(client, people):
    follow_up_record(
        author=people.sip_of_school,
        profile=people.profile,
        visit_date=timezone.localdate(),
        notes="Talked about the reading project.",
    )
    at({"action": "talentpool.record_follow_up"}, timezone.now() - datetime.timedelta(hours=1))
    log(instance=people.profile, action="wagtail.edit", user=people.officer)
    client.force_login(people.aspirant)
    assert [row[:2] for row in rows(client)] == [
        ["Olive Officer LA officer", "Changed your record"],
        ["Sam Jones School Improvement Partner", "Added a follow-up note"],
    ]
    assert "reading project" not in str(section(client))


def test_deleted_accounts_and_the_system_are_described(client, people):
    gone = UserFactory()
    profile_view_log(viewer=gone, profile=people.profile)
    at({"user": gone}, timezone.now() - datetime.timedelta(hours=1))
    gone.delete()
    log(instance=people.profile, action="talentpool.view_profile", user=None)
    client.force_login(people.aspirant)
    assert [row[:2] for row in rows(client)] == [
        ["the system", "Looked at your record"],
        ["someone whose account was deleted", "Looked at your record"],
    ]


def test_superusers_are_named_as_administrators(client, people, superuser):
    profile_view_log(viewer=superuser, profile=people.profile)
    client.force_login(people.aspirant)
    [row] = rows(client)
    assert row[0].endswith("Portal administrator")


def test_the_latest_ten_are_shown_with_a_link_to_the_full_list(client, people):
    start = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    for day in range(12):
        profile_view_log(viewer=people.sip_of_school, profile=people.profile)
        entry = ModelLogEntry.objects.latest("pk")
        at({"pk": entry.pk}, start + datetime.timedelta(days=day))
    client.force_login(people.aspirant)
    shown = rows(client)
    assert len(shown) == 10
    assert shown[0][2].startswith("13 March 2026")  # newest first
    assert shown[-1][2].startswith("4 March 2026")
    text = section(client).get_text(" ", strip=True)
    assert "This shows the latest 10 times. The full list is in Download my data ." in text
    assert section(client).find("a", string="Download my data")["href"] == reverse(
        "talentpool:export_my_data"
    )


def test_ten_or_fewer_need_no_link_to_the_full_list(client, people):
    for _ in range(10):
        profile_view_log(viewer=people.sip_of_school, profile=people.profile)
    client.force_login(people.aspirant)
    assert len(rows(client)) == 10
    assert "The full list" not in section(client).get_text()


def test_record_views_are_one_query(people):
    profile_view_log(viewer=people.sip_of_school, profile=people.profile)
    profile_view_log(viewer=people.officer, profile=people.profile)
    selectors.dashboard_for(user=people.aspirant)  # warms the content type cache
    with CaptureQueriesContext(connection) as queries:
        from talentpool.selectors.pathway import record_views_for

        views, truncated = record_views_for(profile=people.profile)
    assert len(queries) == 1
    assert [view.role for view in views] == ["LA officer", "School Improvement Partner"]
    assert truncated is False


def add_records(people, site_tree, count: int) -> None:
    """``count`` more steps, interests, follow-ups and views by each of two people."""
    profile = people.profile
    for _ in range(count):
        step = CareerStepFactory(profile=profile)
        ProgrammeInterestFactory(
            profile=profile, programme=ProgrammePageFactory(parent=site_tree["programme_index"])
        )
        FollowUpFactory(profile=profile, author=people.sip_of_school).career_steps.add(step)
        profile_view_log(viewer=people.sip_of_school, profile=profile)
        profile_view_log(viewer=people.officer, profile=profile)


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_log_entries(client, people, site_tree):
    client.force_login(people.aspirant)
    add_records(people, site_tree, 2)
    client.get(URL)  # warm caches (content types, site root paths) as a running site would have them
    with_two = dashboard_queries(client)
    assert len(rows(client)) == 4
    add_records(people, site_tree, 18)
    assert dashboard_queries(client) == with_two
    assert len(rows(client)) == 10


@pytest.fixture
def seen_record(transactional_db, django_db_serialized_rollback, talent_pool, live_server):
    """Asha's record looked at twelve times, and a browser session signed in as Asha."""
    from django.test import Client

    for viewer in (talent_pool.sip_of_school, talent_pool.officer) * 6:
        profile_view_log(viewer=viewer, profile=talent_pool.profile)
    client = Client()
    client.force_login(talent_pool.aspirant)
    return [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]


def check_the_section_in_chromium(page, cookies, live_server) -> None:
    from portal.testing.browser import assert_no_serious_axe_violations, visit

    page.context.add_cookies(cookies)
    visit(page, live_server.url + URL)
    assert page.get_by_role("heading", name="Who has looked at your record").is_visible()
    assert page.locator(".portal-record-views tbody tr").count() == 10
    assert_no_serious_axe_violations(page)


@pytest.mark.browser
def test_the_section_is_accessible_in_chromium(browser_page, seen_record, live_server):
    check_the_section_in_chromium(browser_page, seen_record, live_server)


@pytest.mark.browser
def test_the_section_is_accessible_on_a_phone(phone_page, seen_record, live_server):
    check_the_section_in_chromium(phone_page, seen_record, live_server)
