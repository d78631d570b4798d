"""The talent pool list and an aspirant's record, as SIPs and LA officers use them, and who else
may (nobody): every role against every page, the filters, search, sort and pages, the audit log,
the header link and where reviewers land after signing in."""

import datetime
import re
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.factories import TEST_PASSWORD, UserFactory
from programmes.factories import ProgrammePageFactory, SchoolFactory, career_stage
from talentpool.factories import (
    AspirantProfileFactory,
    CareerStepFactory,
    FollowUpFactory,
    ProgrammeInterestFactory,
    QualityRatingFactory,
    SIPAssignmentFactory,
)
from talentpool.log_actions import VIEW_PROFILE
from talentpool.models import AspirantProfile, CareerStep, LeadershipQuality, Readiness
from talentpool.roles import SCHOOL_IMPROVEMENT_PARTNERS

LIST_URL = reverse("talentpool:review_list")
DUE_URL = reverse("talentpool:due_follow_ups")
DAY = datetime.timedelta(days=1)
DASH = " \N{EN DASH} "  # between the parts of a page title

ROLES = [
    "anonymous",
    "aspirant",
    "another_aspirant",
    "sip_of_school",
    "sip_of_other_school",
    "sip_assignment_ended",
    "officer",
    "officer_of_other_la",
    "superuser",
]
REVIEWERS_OF_ASHA = {"sip_of_school", "officer", "superuser"}


def today() -> datetime.date:
    return timezone.localdate()


def detail_url(profile) -> str:
    return reverse("talentpool:review_detail", args=[profile.pk])


def sign_in_as(client, talent_pool, role: str, superuser=None):
    if role == "superuser":
        client.force_login(superuser)
    elif role != "anonymous":
        client.force_login(getattr(talent_pool, role))
    return client


def names(response) -> list[str]:
    return [profile.user.get_full_name() for profile in response.context["page_obj"]]


def assert_no_personal_data(response, talent_pool):
    body = response.content.decode()
    for leak in ("Asha", "Patel", talent_pool.aspirant.email):
        assert leak not in body


# Who may open which page ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", [LIST_URL, DUE_URL])
def test_the_list_pages_are_for_reviewers_only(client, talent_pool, superuser, role, url):
    response = sign_in_as(client, talent_pool, role, superuser).get(url)

    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    elif role in ("aspirant", "another_aspirant"):
        assert response.status_code == 403
        assert_no_personal_data(response, talent_pool)
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_asha_is_listed_only_for_those_who_review_her(client, talent_pool, superuser, role):
    response = sign_in_as(client, talent_pool, role, superuser).get(LIST_URL)
    if response.status_code != 200:
        return
    listed = "Asha Patel" in names(response)
    assert listed == (role in REVIEWERS_OF_ASHA)


@pytest.mark.parametrize("role", ROLES)
def test_ashas_record_opens_only_for_those_who_review_her(client, talent_pool, superuser, role):
    response = sign_in_as(client, talent_pool, role, superuser).get(detail_url(talent_pool.profile))

    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
        return
    expected = 200 if role in REVIEWERS_OF_ASHA else 403 if "aspirant" in role else 404
    assert response.status_code == expected
    if expected != 200:
        assert_no_personal_data(response, talent_pool)


def test_a_sip_who_is_also_an_aspirant_cannot_review_their_own_record(client, talent_pool):
    sip = talent_pool.sip_of_school
    own = AspirantProfileFactory(user=sip, school=talent_pool.school)
    client.force_login(sip)

    assert client.get(detail_url(own)).status_code == 404
    assert sip.get_full_name() not in names(client.get(LIST_URL))
    assert "Asha Patel" in names(client.get(LIST_URL))


def test_a_record_that_does_not_exist_is_not_found(client, talent_pool):
    client.force_login(talent_pool.officer)
    assert client.get(reverse("talentpool:review_detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("url_name", ["review_list", "due_follow_ups"])
def test_review_pages_are_never_cached(client, talent_pool, url_name):
    client.force_login(talent_pool.sip_of_school)
    response = client.get(reverse(f"talentpool:{url_name}"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_record_is_never_cached(client, talent_pool):
    client.force_login(talent_pool.sip_of_school)
    response = client.get(detail_url(talent_pool.profile))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# The list: filters, search, sort and pages ------------------------------------------------------


@pytest.fixture
def pool(talent_pool, site_tree):
    """Four aspirants at Bedford's two schools, as the Bedford officer sees them.

    Asha (Oakfield, teacher aiming for middle leader, 1-2 years, a planned step, follow-up in 30
    days), Ben (Oakfield, no follow-up date), Carl (Riverside, senior leader aiming for deputy,
    ready now, a step in progress, interested in Aspiring heads, follow-up in 3 days) and Dana
    (Riverside, TA aiming for teacher, 3+ years, an achieved step, follow-up 5 days overdue).
    """
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], title="Aspiring heads")
    asha = talent_pool.profile
    ben = talent_pool.another_aspirant.aspirant_profile
    ben.user.first_name, ben.user.last_name = "Ben", "Okoro"
    ben.user.save()
    carl = AspirantProfileFactory(
        school=talent_pool.other_school,
        user__username="carl",
        user__first_name="Carl",
        user__last_name="Adams",
        current_role=career_stage("senior-leader"),
        target_role=career_stage("deputy-headteacher"),
        readiness=Readiness.READY_NOW,
    )
    dana = AspirantProfileFactory(
        school=talent_pool.other_school,
        user__username="dana",
        user__first_name="Dana",
        user__last_name="Whyte",
        user__email="dana.w@example.org",
        current_role=career_stage("teaching-assistant"),
        target_role=career_stage("teacher"),
        readiness=Readiness.THREE_PLUS_YEARS,
    )
    CareerStepFactory(profile=asha, target_date=today() + 40 * DAY)
    CareerStepFactory(profile=carl, target_date=today() + 10 * DAY, status=CareerStep.Status.IN_PROGRESS)
    CareerStepFactory(profile=dana, target_date=today() - 10 * DAY, status=CareerStep.Status.ACHIEVED)
    ProgrammeInterestFactory(profile=carl, programme=programme)
    for profile, due in ((asha, 30), (carl, 3), (dana, -5)):
        AspirantProfile.objects.filter(pk=profile.pk).update(next_follow_up_due=today() + due * DAY)
    FollowUpFactory(profile=dana, author=talent_pool.sip_of_other_school, visit_date=today() - 20 * DAY)
    return {"programme": programme, "asha": asha, "ben": ben, "carl": carl, "dana": dana}


@pytest.fixture
def officer_client(client, talent_pool):
    client.force_login(talent_pool.officer)
    return client


def test_the_list_shows_each_aspirant_with_what_a_reviewer_plans_by(officer_client, pool):
    response = officer_client.get(LIST_URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert names(response) == ["Carl Adams", "Ben Okoro", "Asha Patel", "Dana Whyte"]  # by last name
    assert "4 aspirants" in html
    assert f"<title>Talent pool{DASH}" in html
    row = re.search(
        r"<tr class=\"govuk-table__row\">\s*<th scope=\"row\"[^>]*>.*?Dana Whyte.*?</tr>", html, re.S
    )
    assert row, html
    dana_row = row.group(0)
    assert "Riverside Academy" in dana_row
    assert "Teaching assistant" in dana_row and "aiming for Teacher" in dana_row
    assert "In 3 years or more" in dana_row
    assert "0 open steps" in dana_row
    assert "Overdue" in dana_row  # the follow-up is 5 days late, said in words and not by colour alone
    assert "Last visit" in dana_row
    carl = pool["carl"]
    assert f'href="{detail_url(carl)}?return={quote(LIST_URL, safe="")}"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("school={other_school}", ["Carl Adams", "Dana Whyte"]),
        ("current_role={senior_leader}", ["Carl Adams"]),
        ("target_role={teacher}", ["Dana Whyte"]),
        ("readiness=ready-now", ["Carl Adams"]),
        ("readiness=ready-now&readiness=3-plus-years", ["Carl Adams", "Dana Whyte"]),
        ("programme={programme}", ["Carl Adams"]),
        ("step_status=planned", ["Asha Patel"]),
        ("step_status=achieved", ["Dana Whyte"]),
        ("follow_up_due=1", ["Carl Adams", "Dana Whyte"]),
        ("school={school}&step_status=planned", ["Asha Patel"]),
        ("school={other_school}&readiness=3-plus-years&follow_up_due=1", ["Dana Whyte"]),
        ("school={school}&readiness=ready-now", []),
    ],
)
def test_each_filter_and_combinations_of_them(officer_client, talent_pool, pool, query, expected):
    query = query.format(
        school=talent_pool.school.pk,
        other_school=talent_pool.other_school.pk,
        senior_leader=career_stage("senior-leader").pk,
        teacher=career_stage("teacher").pk,
        programme=pool["programme"].pk,
    )
    response = officer_client.get(f"{LIST_URL}?{query}")
    assert sorted(names(response)) == expected
    assert "<title>Filtered: Talent pool" in response.content.decode()


def test_unknown_and_foreign_filter_values_are_ignored(officer_client, talent_pool, pool):
    thurrock_school = SchoolFactory(local_authority=talent_pool.other_local_authority)
    response = officer_client.get(
        f"{LIST_URL}?school={thurrock_school.pk}&school=nonsense&readiness=someday&step_status=lost"
        "&current_role=99999&programme=x&sort=shoe-size&page=abc&follow_up_due=maybe"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert len(names(response)) == 4
    assert response.context["active_filters"] == []
    assert "Showing aspirants matching" not in html
    assert thurrock_school.name not in html  # another LA's school is not even offered as a filter


def test_a_sip_is_offered_only_their_own_schools(client, talent_pool, pool):
    client.force_login(talent_pool.sip_of_school)
    response = client.get(f"{LIST_URL}?school={talent_pool.other_school.pk}")
    html = response.content.decode()
    assert "Riverside Academy" not in html
    assert sorted(names(response)) == ["Asha Patel", "Ben Okoro"]  # the other school's id is ignored


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("patel", ["Asha Patel"]),
        ("Asha Patel", ["Asha Patel"]),
        ("  asha   ", ["Asha Patel"]),
        ("dana.w@", ["Dana Whyte"]),
        ("a", ["Asha Patel", "Ben Okoro", "Carl Adams", "Dana Whyte"]),
        ("asha whyte", []),
    ],
)
def test_search_by_name_or_email(officer_client, pool, search, expected):
    response = officer_client.get(LIST_URL, {"search": search})
    assert sorted(names(response)) == expected


def test_no_matches_says_so_and_offers_to_clear_the_filters(officer_client, pool):
    html = officer_client.get(LIST_URL, {"search": "zebedee"}).content.decode()
    assert "0 aspirants" in html
    assert "No aspirants match your search and filters." in html
    assert f'href="{LIST_URL}">clear all filters</a>' in html
    assert "<table" not in html


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Carl Adams", "Ben Okoro", "Asha Patel", "Dana Whyte"]),
        ("school", ["Ben Okoro", "Asha Patel", "Carl Adams", "Dana Whyte"]),
        ("follow-up", ["Dana Whyte", "Carl Adams", "Asha Patel", "Ben Okoro"]),
        ("next-step", ["Carl Adams", "Asha Patel", "Ben Okoro", "Dana Whyte"]),
    ],
)
def test_sort_orders(officer_client, pool, sort, expected):
    response = officer_client.get(LIST_URL, {"sort": sort})
    assert names(response) == expected
    assert f'<option value="{sort}" selected>' in response.content.decode()


def test_recently_updated_comes_first_when_asked(officer_client, pool):
    AspirantProfile.objects.filter(pk=pool["ben"].pk).update(updated_at=timezone.now() + DAY)
    assert names(officer_client.get(LIST_URL, {"sort": "recently-updated"}))[0] == "Ben Okoro"


def test_pages_of_25_keep_the_filters(officer_client, talent_pool, pool):
    AspirantProfileFactory.create_batch(30, school=talent_pool.school, readiness=Readiness.ONE_TO_TWO_YEARS)
    query = f"school={talent_pool.school.pk}&readiness=1-2-years"

    first = officer_client.get(f"{LIST_URL}?{query}")
    html = first.content.decode()
    assert len(names(first)) == 25
    assert "32 aspirants" in html  # Asha, Ben and the 30
    assert "Aspirants 1 to 25 of 32" in html
    assert f'href="?{query.replace("&", "&amp;")}&amp;page=2" rel="next"' in html

    second = officer_client.get(f"{LIST_URL}?{query}&page=2")
    html = second.content.decode()
    assert len(names(second)) == 7
    assert "Aspirants 26 to 32 of 32" in html
    assert f'href="?{query.replace("&", "&amp;")}&amp;page=1" rel="prev"' in html
    assert "<title>Filtered: Talent pool (page 2 of 2)" in html
    assert not set(names(first)) & set(names(second))

    assert names(officer_client.get(f"{LIST_URL}?{query}&page=99")) == names(second)


def test_chosen_filters_show_as_tags_that_remove_themselves(officer_client, talent_pool, pool):
    query = f"school={talent_pool.other_school.pk}&readiness=ready-now&search=carl&follow_up_due=1"
    html = officer_client.get(f"{LIST_URL}?{query}").content.decode()

    assert "Showing aspirants matching:" in html
    school_tag = f'href="{LIST_URL}?readiness=ready-now&amp;search=carl&amp;follow_up_due=1"'
    assert f"{school_tag}>School: Riverside Academy" in html
    readiness_tag = (
        f'href="{LIST_URL}?school={talent_pool.other_school.pk}&amp;search=carl&amp;follow_up_due=1"'
    )
    assert f"{readiness_tag}>Readiness: Ready now" in html
    assert "Search: “carl”" in html
    assert "Follow-up: due or overdue" in html
    assert f'href="{LIST_URL}">Clear filters</a>' in html
    # The filters stay ticked and the search stays typed.
    assert re.search(rf'value="{talent_pool.other_school.pk}" checked', html)
    assert 'id="id_follow_up_due" name="follow_up_due" type="checkbox" value="1" checked' in html
    assert 'value="carl"' in html


def test_every_filter_checkbox_has_its_own_label(officer_client, talent_pool, pool):
    html = officer_client.get(LIST_URL).content.decode()
    ids = re.findall(r'<input class="govuk-checkboxes__input" id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) > 20
    for checkbox_id in ids:
        assert f'<label class="govuk-label govuk-checkboxes__label" for="{checkbox_id}">' in html
    assert 'for="id_school_1">Riverside Academy</label>' in html


def test_downloads_are_of_the_filtered_list(officer_client, talent_pool, pool):
    query = f"school={talent_pool.other_school.pk}&readiness=ready-now"
    html = officer_client.get(f"{LIST_URL}?{query}&page=1").content.decode()
    escaped = query.replace("&", "&amp;")
    assert f'href="{reverse("talentpool:review_export", args=["csv"])}?{escaped}"' in html
    assert f'href="{reverse("talentpool:review_export", args=["xlsx"])}?{escaped}"' in html
    assert f'href="{DUE_URL}"' in html


def test_a_long_list_of_schools_folds_away_unless_one_is_chosen(client, talent_pool, pool):
    sip = talent_pool.sip_of_school
    for _ in range(7):
        SIPAssignmentFactory(sip=sip, school=SchoolFactory(local_authority=talent_pool.local_authority))
    client.force_login(sip)

    html = client.get(LIST_URL).content.decode()
    assert "Show all 8 schools" in html
    assert '<details class="govuk-details govuk-!-margin-bottom-0">' in html

    html = client.get(LIST_URL, {"school": talent_pool.school.pk}).content.decode()
    assert '<details class="govuk-details govuk-!-margin-bottom-0" open>' in html


def test_a_sip_without_schools_is_told_whom_to_ask(client, talent_pool):
    client.force_login(talent_pool.sip_assignment_ended)
    html = client.get(LIST_URL).content.decode()
    assert "You are not assigned to any schools at the moment." in html
    assert "Contact your LA officer" in html
    assert "<table" not in html and "Apply filters" not in html


def test_schools_without_aspirants_say_so(client, talent_pool):
    AspirantProfile.objects.all().delete()
    client.force_login(talent_pool.sip_of_school)
    html = client.get(LIST_URL).content.decode()
    assert "0 aspirants" in html
    assert "There are no aspirants at your schools yet." in html


# The aspirant's record --------------------------------------------------------------------------


@pytest.fixture
def record(talent_pool, site_tree):
    """Asha's record with an overdue, an open and a finished step, a rating, an interest and two
    follow-ups by Sam Jones, her SIP."""
    profile = talent_pool.profile
    profile.rising_stars_consent = True
    profile.save()
    sip = talent_pool.sip_of_school
    sip.first_name, sip.last_name = "Sam", "Jones"
    sip.save()
    late = CareerStepFactory(profile=profile, title="Lead the reading project", target_date=today() - 3 * DAY)
    CareerStepFactory(
        profile=profile,
        title="Run a staff meeting",
        target_date=today() - 90 * DAY,
        status=CareerStep.Status.ACHIEVED,
    )
    CareerStepFactory(profile=profile, title="Shadow the deputy head", target_date=today() + 30 * DAY)
    QualityRatingFactory(profile=profile, quality=LeadershipQuality.objects.get(name="Resilience"), rating=4)
    ProgrammeInterestFactory(
        profile=profile,
        programme=ProgrammePageFactory(parent=site_tree["programme_index"], title="Middle Leaders Network"),
    )
    older = FollowUpFactory(
        profile=profile, author=sip, visit_date=today() - 60 * DAY, notes="First chat about reading."
    )
    newer = FollowUpFactory(
        profile=profile,
        author=sip,
        visit_date=today() - 5 * DAY,
        notes="Reading project is behind.",
        next_follow_up_due=today() + 20 * DAY,
    )
    newer.career_steps.set([late])
    return {"older": older, "newer": newer}


def test_the_record_shows_the_whole_profile(client, talent_pool, record):
    client.force_login(talent_pool.sip_of_school)
    response = client.get(detail_url(talent_pool.profile))
    html = response.content.decode()

    assert response.status_code == 200
    assert f"<title>Asha Patel{DASH}Talent pool{DASH}" in html
    assert '<h1 class="govuk-heading-xl">Asha Patel</h1>' in html
    for text in (
        talent_pool.aspirant.email,
        "Oakfield Primary",
        "Bedford",
        "Teacher",
        "Middle leader",
        "In 1 to 2 years",
        "NPQ for Leading Teacher Development",
        "I want to lead a subject across our federation.",
        "Yes, they agreed to be put forward for the Rising Stars list",
        "Middle Leaders Network",
        "4: Secure",
        "I led our phase team&#x27;s planning this year.",
        "They have rated themselves against 1 of 11 leadership qualities.",
    ):
        assert text in html, text


def test_the_record_says_plainly_when_there_is_no_rising_stars_consent(client, talent_pool):
    client.force_login(talent_pool.officer)
    html = client.get(detail_url(talent_pool.profile)).content.decode()
    assert "No, they have not agreed to be put forward" in html


def test_steps_come_open_first_with_late_ones_marked(client, talent_pool, record):
    client.force_login(talent_pool.sip_of_school)
    html = client.get(detail_url(talent_pool.profile)).content.decode()
    steps = html[html.index('id="career-steps"') : html.index('id="self-assessment"')]
    order = [steps.index(title) for title in ("Lead the reading", "Shadow the deputy", "Run a staff")]
    assert order == sorted(order)
    late_row = steps[steps.index("Lead the reading") : steps.index("Shadow the deputy")]
    assert "Overdue" in late_row
    assert "Overdue" not in steps[steps.index("Shadow the deputy") :]


def test_every_follow_up_is_shown_newest_first_with_its_author(client, talent_pool, record):
    FollowUpFactory.create_batch(4, profile=talent_pool.profile, visit_date=today() - 100 * DAY)
    client.force_login(talent_pool.officer)
    response = client.get(detail_url(talent_pool.profile))
    html = response.content.decode()

    follow_ups = response.context["follow_ups"]
    assert len(follow_ups) == 6  # all of them, not just the latest few
    assert follow_ups[0] == record["newer"] and follow_ups[1] == record["older"]
    assert html.index("Reading project is behind.") < html.index("First chat about reading.")
    newest = (today() - 5 * DAY).strftime("%-d %B %Y")
    assert f"Visit on {newest} by Sam Jones" in html
    assert "a former member of staff" in html  # the four without an author


def test_opening_a_record_is_written_to_the_audit_log(client, talent_pool, record):
    client.force_login(talent_pool.sip_of_school)
    client.get(detail_url(talent_pool.profile))
    client.get(detail_url(talent_pool.profile))

    entries = ModelLogEntry.objects.filter(action=VIEW_PROFILE)
    assert entries.count() == 2
    assert {(entry.user_id, entry.object_id) for entry in entries} == {
        (talent_pool.sip_of_school.pk, str(talent_pool.profile.pk))
    }
    assert "Asha" not in entries.first().label


@pytest.mark.parametrize(
    "role", ["aspirant", "sip_of_other_school", "sip_assignment_ended", "officer_of_other_la"]
)
def test_a_refused_record_is_not_logged_as_viewed(client, talent_pool, role):
    client.force_login(getattr(talent_pool, role))
    client.get(detail_url(talent_pool.profile))
    assert not ModelLogEntry.objects.filter(action=VIEW_PROFILE).exists()


def test_the_record_offers_a_follow_up_and_the_way_back_to_the_filtered_list(client, talent_pool):
    client.force_login(talent_pool.sip_of_school)
    back = f"{LIST_URL}?readiness=1-2-years&search=asha"
    html = client.get(detail_url(talent_pool.profile), {"return": back}).content.decode()

    escaped_back = back.replace("&", "&amp;")
    assert f'<a href="{escaped_back}" class="govuk-back-link">Back to the talent pool</a>' in html
    follow_up_url = reverse("talentpool:follow_up_add", args=[talent_pool.profile.pk])
    assert f'href="{follow_up_url}?return={quote(back, safe="")}"' in html
    assert "Record a follow-up" in html


@pytest.mark.parametrize(
    "bad",
    [
        "https://evil.example/talent-pool/review/",
        "//evil.example/talent-pool/review/",
        "/admin/",
        "javascript:alert(1)",
        "/talent-pool/review/due/",
        "\\\\evil.example",
    ],
)
def test_the_way_back_only_ever_leads_to_the_list(client, talent_pool, bad):
    client.force_login(talent_pool.sip_of_school)
    html = client.get(detail_url(talent_pool.profile), {"return": bad}).content.decode()
    assert f'<a href="{LIST_URL}" class="govuk-back-link">' in html
    assert "evil.example" not in html


# The header link and signing in -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("anonymous", False),
        ("aspirant", False),
        ("sip_of_school", True),
        ("sip_assignment_ended", True),
        ("officer", True),
        ("superuser", True),
    ],
)
def test_the_header_offers_the_talent_pool_to_reviewers(
    client, talent_pool, superuser, site_tree, role, shown
):
    html = sign_in_as(client, talent_pool, role, superuser).get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert (f'href="{LIST_URL}"' in header) == shown


def test_the_header_marks_where_the_reviewer_is(client, talent_pool):
    client.force_login(talent_pool.sip_of_school)
    html = client.get(LIST_URL).content.decode()
    assert f'href="{LIST_URL}" aria-current="page">' in html
    html = client.get(detail_url(talent_pool.profile)).content.decode()
    assert f'href="{LIST_URL}" aria-current="true">' in html


def _sign_in(client, user, **extra):
    user.set_password(TEST_PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD, **extra})


def test_a_sip_lands_on_the_talent_pool_after_signing_in(client, talent_pool):
    response = _sign_in(client, talent_pool.sip_of_school)
    assert response.status_code == 302
    assert response.url == LIST_URL


def test_a_sip_whose_schools_ended_still_lands_on_the_talent_pool(client, talent_pool):
    response = _sign_in(client, talent_pool.sip_assignment_ended)
    assert response.url == LIST_URL


def test_an_officer_lands_in_the_admin_where_they_manage_the_talent_pool(client, talent_pool):
    response = _sign_in(client, talent_pool.officer)
    assert response.url == reverse("wagtailadmin_home")


def test_an_aspirant_still_lands_on_their_pathway(client, talent_pool):
    response = _sign_in(client, talent_pool.aspirant)
    assert response.url == reverse("talentpool:dashboard")


def test_a_sip_outside_any_la_lands_on_the_home_page(client, db):
    user = UserFactory(username="loose-sip")
    user.groups.add(Group.objects.get(name=SCHOOL_IMPROVEMENT_PARTNERS))
    response = _sign_in(client, user)
    assert response.url == "/"


def test_next_still_wins_over_the_landing_page(client, talent_pool):
    response = _sign_in(client, talent_pool.sip_of_school, next=DUE_URL)
    assert response.url == DUE_URL


# Follow-ups due ---------------------------------------------------------------------------------


@pytest.fixture
def due(talent_pool):
    """At Oakfield: Asha's follow-up 3 days late and a step 10 days late, Ben's follow-up in 10 days
    (his achieved and future steps are not due) and Faye's in 20 days (not yet). At Riverside:
    Carl's follow-up today and his step a day late."""
    asha = talent_pool.profile
    ben = talent_pool.another_aspirant.aspirant_profile
    ben.user.first_name, ben.user.last_name = "Ben", "Okoro"
    ben.user.save()
    faye = AspirantProfileFactory(school=talent_pool.school, user__first_name="Faye", user__last_name="Long")
    carl = AspirantProfileFactory(
        school=talent_pool.other_school, user__first_name="Carl", user__last_name="Adams"
    )
    for profile, days in ((asha, -3), (ben, 10), (faye, 20), (carl, 0)):
        AspirantProfile.objects.filter(pk=profile.pk).update(next_follow_up_due=today() + days * DAY)
    CareerStepFactory(profile=asha, title="Lead the reading project", target_date=today() - 10 * DAY)
    CareerStepFactory(
        profile=ben,
        title="Run a staff meeting",
        target_date=today() - 5 * DAY,
        status=CareerStep.Status.ACHIEVED,
    )
    CareerStepFactory(profile=ben, title="Shadow the deputy", target_date=today() + 5 * DAY)
    CareerStepFactory(
        profile=carl,
        title="Start the NPQ",
        target_date=today() - DAY,
        status=CareerStep.Status.IN_PROGRESS,
    )
    return {"asha": asha, "ben": ben, "faye": faye, "carl": carl}


def rows(response) -> list[tuple[str, str, str]]:
    """(school, aspirant, what) for each row, in the page's order."""
    return [
        (
            group.school.name,
            item.profile.user.get_full_name(),
            item.step.title if item.is_step else "follow-up",
        )
        for group in response.context["schools"]
        for item in group.items
    ]


def test_a_sip_sees_what_is_due_at_their_school_soonest_first(client, talent_pool, due):
    client.force_login(talent_pool.sip_of_school)
    response = client.get(DUE_URL)
    assert rows(response) == [
        ("Oakfield Primary", "Asha Patel", "Lead the reading project"),
        ("Oakfield Primary", "Asha Patel", "follow-up"),
        ("Oakfield Primary", "Ben Okoro", "follow-up"),
    ]
    html = response.content.decode()
    assert f"<title>Follow-ups due{DASH}Talent pool{DASH}" in html
    assert '<h2 class="govuk-heading-m" id="school-' in html and ">Oakfield Primary</h2>" in html
    assert "2 follow-ups due, 1 career step past its target date" in html
    assert f'href="{detail_url(due["asha"])}">Asha Patel</a>' in html
    assert "Career step: Lead the reading project" in html
    assert html.count(">Overdue</strong>") == 2 and html.count(">Due soon</strong>") == 1
    assert "Faye" not in html and "Carl" not in html


def test_an_officer_sees_every_school_in_their_la_in_name_order(client, talent_pool, due):
    client.force_login(talent_pool.officer)
    response = client.get(DUE_URL)
    assert [group.school.name for group in response.context["schools"]] == [
        "Oakfield Primary",
        "Riverside Academy",
    ]
    assert rows(response)[3:] == [
        ("Riverside Academy", "Carl Adams", "Start the NPQ"),
        ("Riverside Academy", "Carl Adams", "follow-up"),
    ]
    html = response.content.decode()
    assert ">Due today</strong>" in html
    assert "1 follow-up due, 1 career step past its target date" in html


@pytest.mark.parametrize("role", ["sip_assignment_ended", "officer_of_other_la"])
def test_nothing_due_says_so(client, talent_pool, due, role):
    client.force_login(getattr(talent_pool, role))
    response = client.get(DUE_URL)
    html = response.content.decode()
    assert response.context["schools"] == []
    assert "Nothing is due." in html
    assert "Asha" not in html and "Carl" not in html
