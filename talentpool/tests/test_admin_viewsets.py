"""The "Talent pool" admin menu as an LA officer uses it: lists, records, downloads and changes.

Bedford's officer reaches Bedford's aspirants, follow-ups and SIP assignments only; Thurrock's
officer none of them (404 on their URLs, as if they did not exist). SIPs and aspirants have no
admin at all; superusers see every LA.
"""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry

from home.factories import UserFactory
from programmes.factories import SchoolFactory
from programmes.roles import LA_OFFICERS
from talentpool.factories import AspirantProfileFactory, FollowUpFactory, SIPAssignmentFactory
from talentpool.log_actions import EXPORT_PROFILE, VIEW_PROFILE
from talentpool.models import AspirantProfile, FollowUp, LocalAuthorityMembership, SIPAssignment
from talentpool.permission_policies import (
    aspirant_profile_permission_policy,
    follow_up_permission_policy,
    local_authority_membership_permission_policy,
    sip_assignment_permission_policy,
)

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)

PROFILES = "talentpool_aspirant_profiles"
FOLLOW_UPS = "talentpool_follow_ups"
ASSIGNMENTS = "talentpool_sip_assignments"
MEMBERSHIPS = "talentpool_la_memberships"


def url(namespace: str, view: str, *args) -> str:
    return reverse(f"{namespace}:{view}", args=args)


@pytest.fixture
def world(talent_pool):
    """The talent pool fixture, a Thurrock aspirant with a SIP, and a follow-up in each LA."""
    tp = talent_pool
    tp.thurrock_school = SchoolFactory(name="Thurrock Park School", local_authority=tp.other_local_authority)
    tp.thurrock_profile = AspirantProfileFactory(
        school=tp.thurrock_school, user__first_name="Tomasz", user__last_name="Nowak"
    )
    tp.thurrock_assignment = SIPAssignmentFactory(school=tp.thurrock_school)
    tp.follow_up = FollowUpFactory(
        profile=tp.profile, author=tp.sip_of_school, next_follow_up_due=TODAY() + 20 * DAY
    )
    tp.thurrock_follow_up = FollowUpFactory(
        profile=tp.thurrock_profile, author=tp.thurrock_assignment.sip, next_follow_up_due=TODAY() + 5 * DAY
    )
    tp.bedford_assignment = SIPAssignment.objects.get(sip=tp.sip_of_school)
    return tp


def _table(response) -> str:
    """The listing's table body: its rows, without the filters' choices."""
    content = response.content.decode()
    start = content.find("<tbody", content.find('<table class="listing'))
    return content[start : content.find("</tbody>", start)] if start != -1 else ""


def _csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


# Who gets in ------------------------------------------------------------------------------------


def test_the_policies_are_the_registered_ones():
    hooks.search_for_hooks()  # imports every wagtail_hooks module, as the admin's URLs do
    assert policy_registry.get_by_type(AspirantProfile) is aspirant_profile_permission_policy
    assert policy_registry.get_by_type(FollowUp) is follow_up_permission_policy
    assert policy_registry.get_by_type(SIPAssignment) is sip_assignment_permission_policy
    assert (
        policy_registry.get_by_type(LocalAuthorityMembership) is local_authority_membership_permission_policy
    )


def test_bedford_officer_lists_bedford_aspirants_only(client, world):
    client.force_login(world.officer)
    response = client.get(url(PROFILES, "index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Asha Patel" in content
    assert "Oakfield Primary" in content
    assert "Tomasz Nowak" not in content
    assert "Thurrock Park School" not in content


def test_thurrock_officer_sees_none_of_bedfords_aspirants(client, world):
    client.force_login(world.officer_of_other_la)
    response = client.get(url(PROFILES, "index"))
    content = response.content.decode()
    assert "Tomasz Nowak" in content
    assert "Asha Patel" not in content


def _bedford_object_urls(world) -> dict[str, str]:
    return {
        "profile inspect": url(PROFILES, "inspect", world.profile.pk),
        "profile edit": url(PROFILES, "edit", world.profile.pk),
        "profile history": url(PROFILES, "history", world.profile.pk),
        "follow-up inspect": url(FOLLOW_UPS, "inspect", world.follow_up.pk),
        "follow-up edit": url(FOLLOW_UPS, "edit", world.follow_up.pk),
        "follow-up delete": url(FOLLOW_UPS, "delete", world.follow_up.pk),
        "follow-up history": url(FOLLOW_UPS, "history", world.follow_up.pk),
        "assignment edit": url(ASSIGNMENTS, "edit", world.bedford_assignment.pk),
        "assignment delete": url(ASSIGNMENTS, "delete", world.bedford_assignment.pk),
        "assignment history": url(ASSIGNMENTS, "history", world.bedford_assignment.pk),
    }


@pytest.mark.parametrize(
    "page",
    [
        "profile inspect",
        "profile edit",
        "profile history",
        "follow-up inspect",
        "follow-up edit",
        "follow-up delete",
        "follow-up history",
        "assignment edit",
        "assignment delete",
        "assignment history",
    ],
)
def test_another_las_officer_gets_404_for_bedfords_records_with_no_name_in_it(client, world, page):
    client.force_login(world.officer_of_other_la)
    for method in (client.get, client.post):
        response = method(_bedford_object_urls(world)[page])
        assert response.status_code == 404
        body = response.content.decode()
        assert "Asha" not in body and "Patel" not in body and world.aspirant.email not in body
    assert FollowUp.objects.filter(pk=world.follow_up.pk).exists()
    assert SIPAssignment.objects.filter(pk=world.bedford_assignment.pk).exists()


@pytest.mark.parametrize("page", ["profile inspect", "profile edit", "follow-up inspect", "assignment edit"])
def test_bedford_officer_opens_bedfords_records(client, world, page):
    client.force_login(world.officer)
    assert client.get(_bedford_object_urls(world)[page]).status_code == 200


@pytest.mark.parametrize("role", ["aspirant", "sip_of_school"])
@pytest.mark.parametrize("namespace", [PROFILES, FOLLOW_UPS, ASSIGNMENTS, MEMBERSHIPS])
def test_aspirants_and_sips_have_no_admin(client, world, role, namespace):
    client.force_login(getattr(world, role))
    response = client.get(url(namespace, "index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    response = client.get(url(PROFILES, "inspect", world.profile.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("namespace", [PROFILES, FOLLOW_UPS, ASSIGNMENTS])
def test_a_moderator_without_talent_pool_permissions_is_turned_away(client, world, moderator, namespace):
    client.force_login(moderator)
    response = client.get(url(namespace, "index"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_an_officer_with_no_local_authority_sees_nobody(client, world):
    officer = UserFactory(username="lost-officer")
    officer.groups.add(Group.objects.get(name=LA_OFFICERS))
    client.force_login(officer)
    for namespace in (PROFILES, FOLLOW_UPS, ASSIGNMENTS):
        content = client.get(url(namespace, "index")).content.decode()
        assert "Asha Patel" not in content and "Tomasz Nowak" not in content
        assert "Oakfield Primary" not in content and "Thurrock Park School" not in content
    assert client.get(url(PROFILES, "inspect", world.profile.pk)).status_code == 404


def test_superuser_sees_every_la(client, world, superuser):
    client.force_login(superuser)
    content = client.get(url(PROFILES, "index")).content.decode()
    assert "Asha Patel" in content and "Tomasz Nowak" in content
    assert client.get(url(PROFILES, "inspect", world.thurrock_profile.pk)).status_code == 200


def test_officers_only_see_memberships_as_a_superuser_would_not(client, world, superuser):
    client.force_login(world.officer)
    response = client.get(url(MEMBERSHIPS, "index"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    response = client.post(
        url(MEMBERSHIPS, "add"),
        {"user": world.officer_of_other_la.pk, "local_authority": world.local_authority.pk},
    )
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert LocalAuthorityMembership.objects.get(user=world.officer_of_other_la).local_authority == (
        world.other_local_authority
    )


def test_superuser_ties_a_new_sip_to_an_la(client, world, superuser):
    sip = UserFactory(first_name="Nadia", last_name="New")
    sip.groups.add(Group.objects.get(name="School Improvement Partners"))
    client.force_login(superuser)
    response = client.post(
        url(MEMBERSHIPS, "add"), {"user": sip.pk, "local_authority": world.local_authority.pk}
    )
    assert response.status_code == 302
    assert LocalAuthorityMembership.objects.get(user=sip).local_authority == world.local_authority

    again = client.post(
        url(MEMBERSHIPS, "add"), {"user": sip.pk, "local_authority": world.other_local_authority.pk}
    )
    assert again.status_code == 200
    assert "This person already belongs to a local authority" in again.content.decode()


def test_profiles_cannot_be_added_or_deleted_in_the_admin(client, world, superuser):
    client.force_login(superuser)
    index = client.get(url(PROFILES, "index")).content.decode()
    assert f"/admin/talent-pool/aspirants/delete/{world.profile.pk}/" not in index
    assert "/admin/talent-pool/aspirants/new/" not in index
    assert client.get(f"/admin/talent-pool/aspirants/delete/{world.profile.pk}/").status_code == 404
    assert client.get("/admin/talent-pool/aspirants/new/").status_code == 404


# The aspirant list ------------------------------------------------------------------------------


def test_filters_and_search_narrow_the_list(client, world):
    other = AspirantProfileFactory(
        school=world.other_school, user__first_name="Bea", user__last_name="Okafor"
    )
    client.force_login(world.officer)
    by_school = _table(client.get(url(PROFILES, "index"), {"school": world.other_school.pk}))
    assert "Bea Okafor" in by_school and "Asha Patel" not in by_school

    searched = _table(client.get(url(PROFILES, "index"), {"q": "asha pat"}))
    assert "Asha Patel" in searched and "Bea Okafor" not in searched

    by_email = _table(client.get(url(PROFILES, "index"), {"q": other.user.email}))
    assert "Bea Okafor" in by_email and "Asha Patel" not in by_email


def test_school_filter_offers_only_the_officers_schools(client, world):
    client.force_login(world.officer)
    content = client.get(url(PROFILES, "index")).content.decode()
    assert "Riverside Academy" in content
    assert "Thurrock Park School" not in content
    # A school outside the LA given in the URL is refused, not used.
    response = client.get(url(PROFILES, "index"), {"school": world.thurrock_school.pk})
    assert "Tomasz Nowak" not in response.content.decode()


def test_follow_up_due_filter(client, world):
    late = AspirantProfileFactory(
        school=world.school, user__first_name="Lena", user__last_name="Late", next_follow_up_due=TODAY() - DAY
    )
    AspirantProfile.objects.filter(pk=world.profile.pk).update(next_follow_up_due=TODAY() + 40 * DAY)
    client.force_login(world.officer)
    content = _table(client.get(url(PROFILES, "index"), {"follow_up": "overdue"}))
    assert "Lena Late" in content and "Asha Patel" not in content
    assert late.user.email not in content  # the list shows names, not addresses


def test_list_query_count_does_not_grow_with_the_pool(client, world, django_assert_max_num_queries):
    client.force_login(world.officer)
    client.get(url(PROFILES, "index"))  # warm caches (content types, menus)

    def queries_for_list() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(PROFILES, "index")).status_code == 200
        return len(captured)

    small = queries_for_list()
    AspirantProfileFactory.create_batch(30, school=world.school)
    assert queries_for_list() == small


# Downloads --------------------------------------------------------------------------------------


def test_csv_download_holds_only_the_officers_aspirants_and_is_logged(client, world):
    client.force_login(world.officer)
    response = client.get(url(PROFILES, "index"), {"export": "csv"})
    assert response.status_code == 200
    rows = _csv_rows(response)
    assert rows[0][:3] == ["Name", "Email address", "School"]
    names = {row[0] for row in rows[1:]}
    assert "Asha Patel" in names
    assert "Tomasz Nowak" not in names
    assert (
        len(rows) - 1 == AspirantProfile.objects.filter(school__local_authority=world.local_authority).count()
    )

    logged = ModelLogEntry.objects.filter(action=EXPORT_PROFILE, user=world.officer)
    assert {int(entry.object_id) for entry in logged} == set(
        AspirantProfile.objects.filter(school__local_authority=world.local_authority).values_list(
            "pk", flat=True
        )
    )
    assert {entry.data["format"] for entry in logged} == {"csv"}


def test_csv_download_follows_the_filters(client, world):
    client.force_login(world.officer)
    rows = _csv_rows(client.get(url(PROFILES, "index"), {"export": "csv", "q": "Asha"}))
    assert [row[0] for row in rows[1:]] == ["Asha Patel"]


def test_csv_cells_that_look_like_formulas_are_neutralised(client, world):
    AspirantProfileFactory(
        school=world.school, user__first_name='=HYPERLINK("http://x")', user__last_name="+Evil"
    )
    client.force_login(world.officer)
    rows = _csv_rows(client.get(url(PROFILES, "index"), {"export": "csv"}))
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x") +Evil' in names
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_xlsx_download_is_scoped_too(client, world):
    from openpyxl import load_workbook

    client.force_login(world.officer)
    response = client.get(url(PROFILES, "index"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Asha Patel" in names and "Tomasz Nowak" not in names


def test_follow_up_and_assignment_downloads_are_scoped(client, world):
    client.force_login(world.officer)
    follow_up_rows = _csv_rows(client.get(url(FOLLOW_UPS, "index"), {"export": "csv"}))
    assert [row[0] for row in follow_up_rows[1:]] == ["Asha Patel"]
    assert ModelLogEntry.objects.filter(
        action=EXPORT_PROFILE, user=world.officer, object_id=str(world.profile.pk)
    ).exists()

    assignment_rows = _csv_rows(client.get(url(ASSIGNMENTS, "index"), {"export": "csv"}))
    schools = {row[2] for row in assignment_rows[1:]}
    assert schools == {"Oakfield Primary", "Riverside Academy"}


# An aspirant's record ---------------------------------------------------------------------------


def test_inspecting_a_profile_shows_the_record_and_logs_the_view(client, world):
    client.force_login(world.officer)
    response = client.get(url(PROFILES, "inspect", world.profile.pk))
    content = response.content.decode()
    assert "Asha Patel" in content
    assert "I want to lead a subject across our federation." in content
    assert "Talked through the plan to lead the reading project." in content
    entry = ModelLogEntry.objects.get(action=VIEW_PROFILE, user=world.officer)
    assert entry.object_id == str(world.profile.pk)
    assert entry.content_type == ContentType.objects.get_for_model(AspirantProfile)


def test_a_records_queries_do_not_grow_with_what_it_holds(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from talentpool.factories import CareerStepFactory

    client.force_login(world.officer)
    page = url(PROFILES, "inspect", world.profile.pk)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page).status_code == 200
        return len(captured)

    count()  # fills caches (content types, the menu's permission checks)
    few = count()
    CareerStepFactory.create_batch(8, profile=world.profile)
    FollowUpFactory.create_batch(8, profile=world.profile, author=world.sip_of_other_school)
    assert count() == few


def test_inspecting_a_follow_up_logs_a_view_of_the_aspirants_record(client, world):
    client.force_login(world.officer)
    response = client.get(url(FOLLOW_UPS, "inspect", world.follow_up.pk))
    assert "Shadow the deputy at two SLT meetings." in response.content.decode()
    assert ModelLogEntry.objects.filter(
        action=VIEW_PROFILE, user=world.officer, object_id=str(world.profile.pk)
    ).exists()


def _profile_form(profile, **changes) -> dict:
    data = {
        "version": profile.version,
        "school": profile.school_id,
        "current_role": profile.current_role_id,
        "target_role": profile.target_role_id,
        "readiness": profile.readiness,
    }
    data.update(changes)
    return {key: "" if value is None else value for key, value in data.items()}


def test_officer_moves_an_aspirant_to_another_school_in_their_la(client, world):
    client.force_login(world.officer)
    response = client.post(
        url(PROFILES, "edit", world.profile.pk), _profile_form(world.profile, school=world.other_school.pk)
    )
    assert response.status_code == 302
    profile = AspirantProfile.objects.get(pk=world.profile.pk)
    assert profile.school == world.other_school
    assert profile.version == world.profile.version + 1
    assert profile.statement == world.profile.statement
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", user=world.officer, object_id=str(profile.pk)
    ).exists()


def test_officer_cannot_move_an_aspirant_out_of_their_la(client, world):
    client.force_login(world.officer)
    response = client.post(
        url(PROFILES, "edit", world.profile.pk), _profile_form(world.profile, school=world.thurrock_school.pk)
    )
    assert response.status_code == 200
    assert "Choose a school from the list." in response.content.decode()
    assert AspirantProfile.objects.get(pk=world.profile.pk).school == world.school


def test_profile_edit_form_offers_only_the_officers_schools(client, world):
    client.force_login(world.officer)
    content = client.get(url(PROFILES, "edit", world.profile.pk)).content.decode()
    assert "Riverside Academy" in content and "Thurrock Park School" not in content
    assert 'name="statement"' not in content


def test_a_stale_profile_edit_changes_nothing_and_says_why(client, world):
    stale = _profile_form(world.profile, school=world.other_school.pk)
    AspirantProfile.objects.filter(pk=world.profile.pk).update(version=world.profile.version + 1)
    client.force_login(world.officer)
    response = client.post(url(PROFILES, "edit", world.profile.pk), stale, follow=True)
    assert "Someone else saved this record while you were editing it." in response.content.decode()
    assert AspirantProfile.objects.get(pk=world.profile.pk).school == world.school


# Follow-ups -------------------------------------------------------------------------------------


def test_editing_a_follow_up_refreshes_the_aspirants_next_date(client, world):
    from talentpool.services import profile_next_follow_up_refresh

    profile_next_follow_up_refresh(profile=world.profile)
    new_date = TODAY() + 60 * DAY
    client.force_login(world.officer)
    response = client.post(
        url(FOLLOW_UPS, "edit", world.follow_up.pk),
        {"notes": "Corrected notes.", "agreed_actions": "", "next_follow_up_due": new_date.isoformat()},
    )
    assert response.status_code == 302
    assert FollowUp.objects.get(pk=world.follow_up.pk).notes == "Corrected notes."
    assert AspirantProfile.objects.get(pk=world.profile.pk).next_follow_up_due == new_date
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", user=world.officer, object_id=str(world.follow_up.pk)
    ).exists()


def test_a_next_follow_up_before_the_visit_is_refused_with_a_clear_message(client, world):
    client.force_login(world.officer)
    response = client.post(
        url(FOLLOW_UPS, "edit", world.follow_up.pk),
        {
            "notes": "Changed",
            "agreed_actions": "",
            "next_follow_up_due": (world.follow_up.visit_date - DAY).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "The next follow-up must be after the visit date." in response.content.decode()
    assert FollowUp.objects.get(pk=world.follow_up.pk).notes == world.follow_up.notes


def test_officers_cannot_add_or_delete_follow_ups(client, world):
    client.force_login(world.officer)
    assert client.get("/admin/talent-pool/follow-ups/new/").status_code == 404
    assert client.post(url(FOLLOW_UPS, "delete", world.follow_up.pk)).status_code == 404
    assert FollowUp.objects.filter(pk=world.follow_up.pk).exists()


def test_a_superuser_deletes_a_follow_up_and_the_next_date_follows(client, world, superuser):
    older = FollowUpFactory(
        profile=world.profile, visit_date=TODAY() - 30 * DAY, next_follow_up_due=TODAY() + 3 * DAY
    )
    client.force_login(superuser)
    response = client.post(url(FOLLOW_UPS, "delete", world.follow_up.pk))
    assert response.status_code == 302
    assert not FollowUp.objects.filter(pk=world.follow_up.pk).exists()
    assert AspirantProfile.objects.get(pk=world.profile.pk).next_follow_up_due == older.next_follow_up_due


def test_follow_up_overdue_filter_ignores_dates_a_later_visit_replaced(client, world):
    from talentpool.services import profile_next_follow_up_refresh

    FollowUpFactory(
        profile=world.profile, visit_date=TODAY() - 60 * DAY, next_follow_up_due=TODAY() - 30 * DAY
    )
    late = AspirantProfileFactory(school=world.school, user__first_name="Lena", user__last_name="Late")
    FollowUpFactory(profile=late, visit_date=TODAY() - 20 * DAY, next_follow_up_due=TODAY() - DAY)
    for profile in (world.profile, late):
        profile_next_follow_up_refresh(profile=profile)
    client.force_login(world.officer)
    content = _table(client.get(url(FOLLOW_UPS, "index"), {"overdue": "true"}))
    assert "Lena Late" in content and "Asha Patel" not in content


# SIP assignments --------------------------------------------------------------------------------


def _assignment_form(world, **changes) -> dict:
    data = {
        "sip": world.sip_of_other_school.pk,
        "school": world.school.pk,
        "starts_on": TODAY().isoformat(),
        "ends_on": "",
    }
    data.update(changes)
    return data


def test_officer_assigns_a_sip_to_a_school(client, world):
    client.force_login(world.officer)
    response = client.post(url(ASSIGNMENTS, "add"), _assignment_form(world))
    assert response.status_code == 302
    assignment = SIPAssignment.objects.get(sip=world.sip_of_other_school, school=world.school)
    assert assignment.starts_on == TODAY() and assignment.ends_on is None
    assert ModelLogEntry.objects.filter(
        action="wagtail.create", user=world.officer, object_id=str(assignment.pk)
    ).exists()


def test_an_end_before_the_start_is_refused_with_a_clear_message_and_nothing_saved(client, world):
    client.force_login(world.officer)
    count = SIPAssignment.objects.count()
    response = client.post(
        url(ASSIGNMENTS, "add"), _assignment_form(world, ends_on=(TODAY() - DAY).isoformat())
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The end date must be the same as or after the start date." in content
    assert "sip_assignment_ends_after_it_starts" not in content
    assert SIPAssignment.objects.count() == count


def test_editing_an_assignment_to_end_before_it_starts_is_refused(client, world):
    client.force_login(world.officer)
    assignment = world.bedford_assignment
    response = client.post(
        url(ASSIGNMENTS, "edit", assignment.pk),
        {
            "sip": assignment.sip_id,
            "school": assignment.school_id,
            "starts_on": assignment.starts_on.isoformat(),
            "ends_on": (assignment.starts_on - DAY).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "The end date must be the same as or after the start date." in response.content.decode()
    assert SIPAssignment.objects.get(pk=assignment.pk).ends_on is None


def test_assignment_choices_are_the_officers_schools_and_sips(client, world):
    client.force_login(world.officer)
    content = client.get(url(ASSIGNMENTS, "add")).content.decode()
    assert "Oakfield Primary" in content and "Riverside Academy" in content
    assert "Thurrock Park School" not in content
    assert world.sip_of_school.email in content
    assert world.thurrock_assignment.sip.email not in content


@pytest.mark.parametrize("field", ["school", "sip"])
def test_assigning_outside_the_la_is_refused(client, world, field):
    outside = {"school": world.thurrock_school.pk, "sip": world.thurrock_assignment.sip.pk}
    client.force_login(world.officer)
    count = SIPAssignment.objects.count()
    response = client.post(url(ASSIGNMENTS, "add"), _assignment_form(world, **{field: outside[field]}))
    assert response.status_code == 200
    assert "from the list" in response.content.decode()
    assert SIPAssignment.objects.count() == count


def test_a_superuser_cannot_assign_a_sip_to_another_las_school(client, world, superuser):
    client.force_login(superuser)
    response = client.post(
        url(ASSIGNMENTS, "add"), _assignment_form(world, sip=world.thurrock_assignment.sip.pk)
    )
    assert response.status_code == 200
    assert "works for another local authority" in response.content.decode()


def test_assignment_status_filter(client, world):
    client.force_login(world.officer)
    ended = _table(client.get(url(ASSIGNMENTS, "index"), {"status": "ended"}))
    current = _table(client.get(url(ASSIGNMENTS, "index"), {"status": "current"}))
    ended_sip = world.sip_assignment_ended.get_full_name()
    assert ended_sip in ended and world.sip_of_school.get_full_name() not in ended
    assert world.sip_of_school.get_full_name() in current and ended_sip not in current


def test_officer_deletes_an_assignment_in_their_la(client, world):
    client.force_login(world.officer)
    response = client.post(url(ASSIGNMENTS, "delete", world.bedford_assignment.pk))
    assert response.status_code == 302
    assert not SIPAssignment.objects.filter(pk=world.bedford_assignment.pk).exists()


# The menu ---------------------------------------------------------------------------------------


def test_the_talent_pool_menu_for_an_officer(client, world):
    client.force_login(world.officer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    for label in (
        "Talent pool",
        "Aspirant profiles",
        "Follow-ups",
        "SIP assignments",
        "Talent pool audit log",
    ):
        assert label in content
    assert "LA memberships" not in content


def test_the_menu_offers_memberships_to_superusers(client, superuser):
    client.force_login(superuser)
    assert "LA memberships" in client.get(reverse("wagtailadmin_home")).content.decode()
