"""The talent pool's audit log in the admin, and Wagtail's "Site history", for each LA's officer.

A Bedford SIP read Asha's record; a Thurrock SIP read Tomasz's. Each LA's officer sees their own
LA's entries, with the aspirant's name, and nothing of the other's: not its records, not the
people who acted (not even as a filter choice).
"""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.factories import UserFactory
from programmes.factories import SchoolFactory
from programmes.roles import LA_OFFICERS
from talentpool.factories import AspirantProfileFactory, FollowUpFactory, SIPAssignmentFactory
from talentpool.log_actions import EXPORT_PROFILE, VIEW_PROFILE
from talentpool.services import profile_export_log, profile_view_log

AUDIT_LOG = reverse("talentpool_audit_log")
SITE_HISTORY = reverse("wagtailadmin_reports:site_history")


@pytest.fixture
def world(talent_pool):
    tp = talent_pool
    thurrock_school = SchoolFactory(name="Thurrock Park School", local_authority=tp.other_local_authority)
    tp.thurrock_profile = AspirantProfileFactory(
        school=thurrock_school, user__first_name="Tomasz", user__last_name="Nowak"
    )
    tp.thurrock_sip = SIPAssignmentFactory(
        school=thurrock_school, sip__first_name="Theo", sip__last_name="Thurrocksip"
    ).sip
    tp.sip_of_school.first_name, tp.sip_of_school.last_name = "Bella", "Bedfordsip"
    tp.sip_of_school.save()
    profile_view_log(viewer=tp.sip_of_school, profile=tp.profile)
    profile_view_log(viewer=tp.thurrock_sip, profile=tp.thurrock_profile)
    return tp


def _mentions(content: str, profile) -> bool:
    return re.search(rf"Aspirant profile {profile.pk}\b", content) is not None


def test_an_officer_sees_their_own_las_entries_with_the_aspirants_name(client, world):
    client.force_login(world.officer)
    response = client.get(AUDIT_LOG)
    assert response.status_code == 200
    content = response.content.decode()
    assert f"Aspirant profile {world.profile.pk}: Asha Patel" in content
    assert "Bella Bedfordsip" in content
    assert "Viewed the aspirant&#x27;s record" in content
    assert not _mentions(content, world.thurrock_profile)
    assert "Tomasz" not in content and "Thurrocksip" not in content


def test_the_other_las_officer_sees_only_theirs(client, world):
    client.force_login(world.officer_of_other_la)
    content = client.get(AUDIT_LOG).content.decode()
    assert f"Aspirant profile {world.thurrock_profile.pk}: Tomasz Nowak" in content
    assert not _mentions(content, world.profile)
    assert "Asha" not in content and "Bedfordsip" not in content


def test_a_superuser_sees_every_la(client, world, superuser):
    client.force_login(superuser)
    content = client.get(AUDIT_LOG).content.decode()
    assert "Asha Patel" in content and "Tomasz Nowak" in content


@pytest.mark.parametrize("role", ["aspirant", "sip_of_school"])
def test_aspirants_and_sips_have_no_audit_log(client, world, role):
    client.force_login(getattr(world, role))
    response = client.get(AUDIT_LOG)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_moderators_and_officers_without_an_la_are_turned_away(client, world, moderator):
    lost_officer = UserFactory()
    lost_officer.groups.add(Group.objects.get(name=LA_OFFICERS))
    for user in (moderator, lost_officer):
        client.force_login(user)
        response = client.get(AUDIT_LOG)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert "Talent pool audit log" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_filters_by_action_user_record_and_date(client, world):
    profile_export_log(viewer=world.officer, profile_ids=[world.profile.pk], file_format="csv")
    old = ModelLogEntry.objects.filter(user=world.sip_of_school, action=VIEW_PROFILE).get()
    old.timestamp = timezone.now() - datetime.timedelta(days=40)
    old.save()
    client.force_login(world.officer)

    def rows(**params) -> str:
        content = client.get(AUDIT_LOG, params).content.decode()
        start = content.find("<tbody", content.find('<table class="listing'))
        return content[start : content.find("</tbody>", start)]

    by_action = rows(action=EXPORT_PROFILE)
    assert "Exported the aspirant" in by_action and "Viewed the aspirant" not in by_action
    by_user = rows(user=world.sip_of_school.pk)
    assert "Bella Bedfordsip" in by_user and "Exported the aspirant" not in by_user
    recent = rows(timestamp_from=(timezone.localdate() - datetime.timedelta(days=7)).isoformat())
    assert "Exported the aspirant" in recent and "Bella Bedfordsip" not in recent
    assert "Asha Patel" not in rows(record="assignment")


def test_the_user_filter_offers_nobody_from_another_la(client, world):
    client.force_login(world.officer)
    content = client.get(AUDIT_LOG).content.decode()
    assert f'value="{world.sip_of_school.pk}"' in content
    assert "Thurrocksip" not in content


def test_follow_up_and_assignment_changes_are_listed_by_what_they_are_about(client, world):
    follow_up = FollowUpFactory(profile=world.profile)
    assignment = SIPAssignmentFactory(school=world.other_school)
    log(instance=follow_up, action="wagtail.edit", user=world.officer)
    log(instance=assignment, action="wagtail.create", user=world.officer)
    client.force_login(world.officer)
    content = client.get(AUDIT_LOG).content.decode()
    assert f"Follow-up {follow_up.pk}: Asha Patel" in content
    assert f"SIP assignment {assignment.pk}: Riverside Academy" in content
    assert reverse("talentpool_follow_ups:inspect", args=[follow_up.pk]) in content
    assert reverse("talentpool_sip_assignments:edit", args=[assignment.pk]) in content


def test_the_report_costs_the_same_queries_for_more_entries(client, world):
    client.force_login(world.officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(AUDIT_LOG).status_code == 200
        return len(captured)

    def add_entries(number: int) -> None:
        for _ in range(number):
            profile = AspirantProfileFactory(school=world.school)
            profile_view_log(viewer=world.sip_of_school, profile=profile)
            log(instance=FollowUpFactory(profile=profile), action="wagtail.edit", user=world.officer)
            log(
                instance=SIPAssignmentFactory(school=world.school),
                action="wagtail.create",
                user=world.officer,
            )

    add_entries(1)
    few = count()
    add_entries(15)
    assert count() == few


# Wagtail's "Site history" -----------------------------------------------------------------------


def test_site_history_shows_an_officer_only_their_own_las_talent_pool_entries(client, world):
    client.force_login(world.officer)
    response = client.get(SITE_HISTORY)
    assert response.status_code == 200
    content = response.content.decode()
    assert _mentions(content, world.profile)
    assert not _mentions(content, world.thurrock_profile)
    assert "Thurrocksip" not in content  # neither in the rows nor in the user filter

    client.force_login(world.officer_of_other_la)
    content = client.get(SITE_HISTORY).content.decode()
    assert _mentions(content, world.thurrock_profile)
    assert not _mentions(content, world.profile)
    assert "Bedfordsip" not in content


def test_site_history_download_is_scoped_too(client, world):
    client.force_login(world.officer_of_other_la)
    response = client.get(SITE_HISTORY, {"export": "csv"})
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    labels = {row[1] for row in csv.reader(io.StringIO(body))}
    assert f"Aspirant profile {world.thurrock_profile.pk}" in labels
    assert f"Aspirant profile {world.profile.pk}" not in labels


def test_site_history_still_lists_what_else_an_officer_may_see(client, world):
    log(instance=world.school, action="wagtail.edit", user=world.officer_of_other_la)
    client.force_login(world.officer)
    assert world.school.name in client.get(SITE_HISTORY).content.decode()


def test_site_history_hides_memberships_and_other_talent_pool_records_from_officers(client, world, superuser):
    from talentpool.models import LocalAuthorityMembership

    membership = LocalAuthorityMembership.objects.get(user=world.officer)
    log(instance=membership, action="wagtail.edit", user=superuser)
    client.force_login(world.officer)
    assert not re.search(rf"Membership {membership.pk}\b", client.get(SITE_HISTORY).content.decode())
    client.force_login(superuser)
    content = client.get(SITE_HISTORY).content.decode()
    assert re.search(rf"Membership {membership.pk}\b", content)
    assert _mentions(content, world.profile) and _mentions(content, world.thurrock_profile)


def test_a_records_own_history_is_scoped_by_the_policy(client, world):
    client.force_login(world.officer)
    response = client.get(reverse("talentpool_aspirant_profiles:history", args=[world.profile.pk]))
    assert response.status_code == 200
    assert "Bella Bedfordsip" in response.content.decode()
    other = client.get(reverse("talentpool_aspirant_profiles:history", args=[world.thurrock_profile.pk]))
    assert other.status_code == 404
    assert "Thurrocksip" not in other.content.decode()
