"""The talent pool's registered Wagtail permission policies, and the migration that gives LA officers
their permissions. Each answer is checked for Bedford's officer, Thurrock's, an officer with no
LA, a SIP, a moderator and a superuser."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from home.factories import UserFactory
from programmes.factories import SchoolFactory
from programmes.roles import LA_OFFICERS
from talentpool.factories import AspirantProfileFactory, FollowUpFactory, SIPAssignmentFactory
from talentpool.models import AspirantProfile, FollowUp, LocalAuthorityMembership, SIPAssignment
from talentpool.permission_policies import (
    aspirant_profile_permission_policy,
    follow_up_permission_policy,
    local_authority_membership_permission_policy,
    sip_assignment_permission_policy,
)

migration = importlib.import_module("talentpool.migrations.0005_la_officer_talent_pool_permissions")


@pytest.fixture
def world(talent_pool):
    tp = talent_pool
    thurrock_school = SchoolFactory(local_authority=tp.other_local_authority)
    tp.thurrock_profile = AspirantProfileFactory(school=thurrock_school)
    tp.thurrock_follow_up = FollowUpFactory(profile=tp.thurrock_profile)
    tp.thurrock_assignment = SIPAssignmentFactory(school=thurrock_school)
    tp.follow_up = FollowUpFactory(profile=tp.profile)
    tp.assignment = SIPAssignment.objects.get(sip=tp.sip_of_school)
    tp.officer_without_la = UserFactory()
    tp.officer_without_la.groups.add(Group.objects.get(name=LA_OFFICERS))
    return tp


@pytest.mark.parametrize(
    ("policy", "bedford", "thurrock"),
    [
        (aspirant_profile_permission_policy, "profile", "thurrock_profile"),
        (follow_up_permission_policy, "follow_up", "thurrock_follow_up"),
        (sip_assignment_permission_policy, "assignment", "thurrock_assignment"),
    ],
)
def test_each_officer_reaches_their_own_la_only(world, policy, bedford, thurrock):
    mine, theirs = getattr(world, bedford), getattr(world, thurrock)
    for officer, own, other in ((world.officer, mine, theirs), (world.officer_of_other_la, theirs, mine)):
        reachable = policy.instances_user_has_any_permission_for(officer, ["change", "view"])
        assert own in reachable and other not in reachable
        assert policy.user_has_permission_for_instance(officer, "change", own)
        assert not policy.user_has_permission_for_instance(officer, "change", other)
        assert not policy.user_has_any_permission_for_instance(officer, ["view", "change"], other)


@pytest.mark.parametrize(
    "policy",
    [aspirant_profile_permission_policy, follow_up_permission_policy, sip_assignment_permission_policy],
)
@pytest.mark.parametrize("who", ["officer_without_la", "sip_of_school", "aspirant"])
def test_nobody_else_reaches_any_record(world, policy, who, moderator):
    user = getattr(world, who)
    assert not policy.instances_user_has_any_permission_for(
        user, ["add", "change", "delete", "view"]
    ).exists()
    assert not policy.instances_user_has_any_permission_for(moderator, ["change", "view"]).exists()


def test_an_officer_without_an_la_still_holds_the_model_permissions_but_reaches_nothing(world):
    policy = aspirant_profile_permission_policy
    assert policy.user_has_permission(world.officer_without_la, "change")
    assert not policy.user_has_permission_for_instance(world.officer_without_la, "change", world.profile)


def test_superusers_reach_every_la(world, superuser):
    for policy, count in (
        (aspirant_profile_permission_policy, AspirantProfile.objects.count()),
        (follow_up_permission_policy, FollowUp.objects.count()),
        (sip_assignment_permission_policy, SIPAssignment.objects.count()),
    ):
        assert policy.instances_user_has_any_permission_for(superuser, ["change"]).count() == count


@pytest.mark.parametrize(
    ("policy", "actions"),
    [(aspirant_profile_permission_policy, ["add", "delete"]), (follow_up_permission_policy, ["add"])],
)
def test_actions_the_admin_never_offers_are_refused_even_to_superusers(world, superuser, policy, actions):
    for action in actions:
        assert not policy.user_has_permission(superuser, action)
        assert not policy.users_with_permission(action).exists()
    assert not policy.instances_user_has_any_permission_for(superuser, actions).exists()


def test_officers_may_not_delete_follow_ups_but_superusers_may(world, superuser):
    assert not follow_up_permission_policy.user_has_permission_for_instance(
        world.officer, "delete", world.follow_up
    )
    assert follow_up_permission_policy.user_has_permission_for_instance(superuser, "delete", world.follow_up)


def test_users_who_may_change_a_record_are_its_las_officers_and_superusers(world, superuser):
    users = set(
        aspirant_profile_permission_policy.users_with_any_permission_for_instance(["change"], world.profile)
    )
    assert users == {world.officer, superuser}
    users = set(
        sip_assignment_permission_policy.users_with_any_permission_for_instance(
            ["delete"], world.thurrock_assignment
        )
    )
    assert users == {world.officer_of_other_la, superuser}


def test_memberships_are_for_superusers_only_whatever_permissions_an_officer_holds(world, superuser):
    policy = local_authority_membership_permission_policy
    membership = LocalAuthorityMembership.objects.get(user=world.officer)
    world.officer.user_permissions.add(
        *Permission.objects.filter(codename__endswith="localauthoritymembership")
    )
    for action in ("add", "change", "delete", "view"):
        assert not policy.user_has_permission(world.officer, action)
        assert not policy.user_has_permission_for_instance(world.officer, action, membership)
        assert policy.user_has_permission(superuser, action)
    assert not policy.instances_user_has_any_permission_for(world.officer, ["change"]).exists()
    assert set(policy.users_with_any_permission(["change"])) == {superuser}


def test_instance_checks_do_not_repeat_queries_per_action(world, django_assert_max_num_queries):
    policy = aspirant_profile_permission_policy
    policy.user_has_permission(world.officer, "change")  # fills Django's permission cache
    with django_assert_max_num_queries(1):
        policy.user_has_any_permission_for_instance(world.officer, ["view", "change"], world.profile)


# The data migration ----------------------------------------------------------------------------


def _officer_codenames() -> set[str]:
    return set(Group.objects.get(name=LA_OFFICERS).permissions.values_list("codename", flat=True))


TALENT_POOL_CODENAMES = {
    "view_aspirantprofile",
    "change_aspirantprofile",
    "view_followup",
    "change_followup",
    "add_sipassignment",
    "change_sipassignment",
    "delete_sipassignment",
    "view_sipassignment",
}


def test_the_migration_gave_officers_their_permissions_and_nothing_more(db):
    codenames = _officer_codenames()
    assert codenames >= TALENT_POOL_CODENAMES
    assert "access_admin" in codenames
    assert (
        not {"add_aspirantprofile", "delete_aspirantprofile", "add_followup", "delete_followup"} & codenames
    )
    assert not any(codename.endswith("localauthoritymembership") for codename in codenames)


def test_the_migration_runs_again_harmlessly_and_reverses(db):
    before = _officer_codenames()
    migration.grant(apps, None)
    assert _officer_codenames() == before
    migration.revoke(apps, None)
    after_revoke = _officer_codenames()
    assert not TALENT_POOL_CODENAMES & after_revoke
    assert "access_admin" in after_revoke
    migration.grant(apps, None)
    assert _officer_codenames() == before
