"""My leadership pathway, as an aspirant sees it, and who else may (nobody)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from home.factories import UserFactory
from programmes.factories import ProgrammePageFactory
from talentpool.factories import (
    CareerStepFactory,
    FollowUpFactory,
    ProgrammeInterestFactory,
    QualityRatingFactory,
)
from talentpool.models import CareerStep, LeadershipQuality, ProgrammeInterest
from talentpool.roles import ASPIRANT_LEADERS
from talentpool.services import profile_view_log

URL = reverse("talentpool:dashboard")
DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


@pytest.fixture
def pathway(talent_pool, site_tree):
    """Asha's pathway with a step of each kind, two programme interests and a SIP's note."""
    profile = talent_pool.profile
    sip = talent_pool.sip_of_school
    sip.first_name, sip.last_name = "Sam", "Jones"
    sip.save()
    overdue = CareerStepFactory(
        profile=profile, title="Lead the reading project", target_date=datetime.date(2020, 3, 14)
    )
    upcoming = CareerStepFactory(
        profile=profile,
        title="Shadow the deputy head",
        target_date=today() + 30 * DAY,
        status=CareerStep.Status.IN_PROGRESS,
    )
    achieved = CareerStepFactory(
        profile=profile,
        title="Run a staff meeting",
        target_date=today() - 60 * DAY,
        status=CareerStep.Status.ACHIEVED,
    )
    live = ProgrammePageFactory(parent=site_tree["programme_index"], title="Middle Leaders Network")
    unpublished = ProgrammePageFactory(parent=site_tree["programme_index"], title="Old Heads Course")
    unpublished.unpublish()
    ProgrammeInterestFactory(profile=profile, programme=live)
    ProgrammeInterestFactory(profile=profile, programme=unpublished, status=ProgrammeInterest.Status.ENROLLED)
    follow_up = FollowUpFactory(
        profile=profile,
        author=sip,
        visit_date=datetime.date(2026, 1, 20),
        notes="Asha talked through the reading project.",
        agreed_actions="Book a place on the network.",
    )
    follow_up.career_steps.add(overdue)
    QualityRatingFactory(profile=profile, quality=LeadershipQuality.objects.first())
    return {"overdue": overdue, "upcoming": upcoming, "achieved": achieved, "live": live}


def test_the_dashboard_shows_each_section(client, talent_pool, pathway):
    client.force_login(talent_pool.aspirant)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">My leadership pathway</h1>' in html
    # Profile summary, with Change links to the form.
    assert "govuk-summary-list" in html
    assert "Oakfield Primary" in html
    assert "Teacher" in html and "Middle leader" in html
    assert "NPQ for Leading Teacher Development" in html
    profile_url = reverse("talentpool:profile_edit")
    assert f'href="{profile_url}#id_school"' in html
    assert 'Change<span class="govuk-visually-hidden"> school</span>' in html
    assert "Your profile is not complete yet" not in html
    # Career steps with status tags and target dates.
    for title in ("Lead the reading project", "Shadow the deputy head", "Run a staff meeting"):
        assert title in html
    assert "In progress" in html and "Achieved" in html
    # Programmes: a link to the live one; the unpublished one is named, not linked.
    assert f'href="{pathway["live"].url}">Middle Leaders Network</a>' in html
    assert 'Old Heads Course <span class="govuk-body-s">(no longer published)</span>' in html
    assert "Enrolled" in html
    # The SIP's note: date, author, notes and agreed actions.
    assert "Visit on 20 January 2026 with Sam Jones" in html
    assert "Asha talked through the reading project." in html
    assert "Book a place on the network." in html
    # Self-assessment summary.
    quality_count = LeadershipQuality.objects.count()
    assert f"You have rated yourself against 1 of {quality_count} leadership qualities." in html
    assert f"Last updated {today():%-d %B %Y}." in html
    # What to do next.
    assert "What to do next" in html
    overdue_action = "Update the career steps that are past their target date"
    assert f'<a class="govuk-link" href="#career-steps">{overdue_action}</a>' in html


def test_overdue_steps_stand_out(client, talent_pool, pathway):
    client.force_login(talent_pool.aspirant)
    html = client.get(URL).content.decode()
    assert html.count('<strong class="govuk-tag govuk-tag--red">Overdue</strong>') == 1
    overdue_row = html.split("Lead the reading project")[1].split("</tr>")[0]
    assert '<strong class="portal-steps__overdue-date">14 March 2020</strong>' in overdue_row
    assert "govuk-tag--red" in overdue_row
    # The achieved step, past its date, is not overdue; neither is the future one.
    for title in ("Shadow the deputy head", "Run a staff meeting"):
        row = html.split(title)[1].split("</tr>")[0]
        assert "Overdue" not in row


def test_a_new_aspirant_is_told_what_is_missing(client, db, talent_pool):
    user = UserFactory(username="newcomer")
    user.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert "You have not started your profile yet." in html
    assert "Your profile is not complete yet" in html
    for missing in (
        "your school",
        "your current role",
        "your years in role",
        "the role you are aiming for",
        "how ready you feel",
    ):
        assert f"<li>{missing}</li>" in html
    assert (
        f'<a class="govuk-link" href="{reverse("talentpool:profile_edit")}">Complete your profile</a>' in html
    )
    assert "You have not added any career steps yet." in html
    assert "You have not registered interest in any programmes yet." in html
    assert "has not written any notes yet" in html


def test_a_half_filled_profile_lists_only_what_is_missing(client, talent_pool):
    profile = talent_pool.profile
    profile.readiness = ""
    profile.years_in_role = None
    profile.save()
    client.force_login(talent_pool.aspirant)
    html = client.get(URL).content.decode()
    assert "<li>how ready you feel</li>" in html
    assert "<li>your years in role</li>" in html
    assert "<li>your school</li>" not in html


# Who may see it ---------------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, talent_pool):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_another_aspirant_sees_only_their_own_pathway(client, talent_pool, pathway):
    CareerStepFactory(profile=talent_pool.another_aspirant.aspirant_profile, title="My own step")
    client.force_login(talent_pool.another_aspirant)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "My own step" in html
    for theirs in ("Lead the reading project", "Middle Leaders Network", "Asha", "Sam Jones"):
        assert theirs not in html


@pytest.mark.parametrize(
    "role",
    ["sip_of_school", "sip_of_other_school", "sip_assignment_ended", "officer", "officer_of_other_la"],
)
def test_staff_are_refused_without_seeing_personal_data(client, talent_pool, pathway, role):
    client.force_login(getattr(talent_pool, role))
    response = client.get(URL)
    assert response.status_code == 403
    body = response.content.decode()
    for personal in ("Asha", "Patel", "Oakfield", "reading project", "Sam Jones"):
        assert personal not in body


# Query count ------------------------------------------------------------------------------------


def add_records(profile, site_tree, sip, count: int):
    for _ in range(count):
        step = CareerStepFactory(profile=profile, target_date=today() - 10 * DAY)
        programme = ProgrammePageFactory(parent=site_tree["programme_index"])
        ProgrammeInterestFactory(profile=profile, programme=programme)
        follow_up = FollowUpFactory(profile=profile, author=sip)
        follow_up.career_steps.add(step)
        profile_view_log(viewer=sip, profile=profile)


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_steps_interests_follow_ups_and_views(client, talent_pool, site_tree):
    profile = talent_pool.profile
    client.force_login(talent_pool.aspirant)
    add_records(profile, site_tree, talent_pool.sip_of_school, 2)
    client.get(URL)  # warm caches (site root paths) as a running site would have them
    with_two = dashboard_queries(client)
    add_records(profile, site_tree, talent_pool.sip_of_school, 18)
    with_twenty = dashboard_queries(client)
    assert with_twenty == with_two
    html = client.get(URL).content.decode()
    assert html.count("govuk-tag--red") == 20
    assert html.count("Looked at your record") == 10
