"""DESIGN.md's "Who may see what" table as generated tests: every role against every decision.

The profile under test is the ``talent_pool`` fixture's aspirant's, at Oakfield Primary in Bedford.
Around it (``world``) are profiles at another Bedford school, at a Thurrock school and with no
school, and people at the edges of the rules: a SIP whose assignment starts tomorrow or ends today,
a Thurrock SIP assigned to Oakfield, an officer with no LA, an inactive officer.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from home.factories import UserFactory
from programmes.factories import SchoolFactory
from programmes.roles import LA_OFFICERS, MODERATORS
from talentpool import permissions
from talentpool.factories import (
    AspirantProfileFactory,
    CareerStepFactory,
    QualityRatingFactory,
    SIPAssignmentFactory,
    staff_user,
)
from talentpool.models import LocalAuthorityMembership, SIPAssignment
from talentpool.roles import SCHOOL_IMPROVEMENT_PARTNERS

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def _sip(*, school, local_authority=None, **assignment):
    """A SIP who belongs to ``local_authority`` (the school's by default), assigned to ``school``."""
    sip = staff_user(
        group=SCHOOL_IMPROVEMENT_PARTNERS, local_authority=local_authority or school.local_authority
    )
    SIPAssignmentFactory(sip=sip, school=school, **assignment)
    return sip


def _in_group_only(group: str, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group))
    return user


#: How to find or make each person, given the world.
ROLES = {
    "anonymous": lambda w: AnonymousUser(),
    "aspirant": lambda w: w.tp.aspirant,
    "another_aspirant": lambda w: w.tp.another_aspirant,
    "sip_of_school": lambda w: w.tp.sip_of_school,
    "sip_of_other_school": lambda w: w.tp.sip_of_other_school,
    "sip_assignment_ended": lambda w: w.tp.sip_assignment_ended,
    "sip_assignment_starts_tomorrow": lambda w: _sip(school=w.tp.school, starts_on=TODAY() + DAY),
    "sip_assignment_ends_today": lambda w: _sip(
        school=w.tp.school, starts_on=TODAY() - 10 * DAY, ends_on=TODAY()
    ),
    "sip_of_other_la_assigned_here": lambda w: _sip(
        school=w.tp.school, local_authority=w.tp.other_local_authority
    ),
    "assigned_but_not_a_sip": lambda w: _assigned_but_not_a_sip(w),
    "officer": lambda w: w.tp.officer,
    "officer_of_other_la": lambda w: w.tp.officer_of_other_la,
    "officer_without_membership": lambda w: _in_group_only(LA_OFFICERS),
    "inactive_officer": lambda w: staff_user(
        group=LA_OFFICERS, local_authority=w.tp.local_authority, is_active=False
    ),
    "moderator": lambda w: _in_group_only(MODERATORS),
    "superuser": lambda w: UserFactory(is_superuser=True, is_staff=True),
}


def _assigned_but_not_a_sip(w):
    user = UserFactory()
    SIPAssignmentFactory(sip=user, school=w.tp.school)
    LocalAuthorityMembership.objects.create(user=user, local_authority=w.tp.local_authority)
    return user


@pytest.fixture
def world(talent_pool):
    tp = talent_pool
    thurrock_school = SchoolFactory(name="Thurrock Park School", local_authority=tp.other_local_authority)
    return SimpleNamespace(
        tp=tp,
        profiles={
            "profile": tp.profile,
            "another": tp.another_aspirant.aspirant_profile,
            "other_school": AspirantProfileFactory(school=tp.other_school),
            "other_la": AspirantProfileFactory(school=thurrock_school),
            "no_school": AspirantProfileFactory(school=None),
        },
    )


def user_for(world, role: str):
    return ROLES[role](world)


# The table. Columns: view, edit (and export, delete), record a follow-up, manage, export the list.
Y, N = True, False
DECISIONS = {
    #                                view edit follow manage export-list
    "anonymous": (N, N, N, N, N),
    "aspirant": (Y, Y, N, N, N),
    "another_aspirant": (N, N, N, N, N),
    "sip_of_school": (Y, N, Y, N, Y),
    "sip_of_other_school": (N, N, N, N, Y),
    "sip_assignment_ended": (N, N, N, N, Y),
    "sip_assignment_starts_tomorrow": (N, N, N, N, Y),
    "sip_assignment_ends_today": (Y, N, Y, N, Y),
    "sip_of_other_la_assigned_here": (N, N, N, N, Y),
    "assigned_but_not_a_sip": (N, N, N, N, N),
    "officer": (Y, N, Y, Y, Y),
    "officer_of_other_la": (N, N, N, N, Y),
    "officer_without_membership": (N, N, N, N, N),
    "inactive_officer": (N, N, N, N, N),
    "moderator": (N, N, N, N, N),
    "superuser": (Y, Y, Y, Y, Y),
}
assert set(DECISIONS) == set(ROLES)

PROFILE_CHECKS = {
    "view": permissions.user_can_view_profile,
    "edit": permissions.user_can_edit_profile,
    "record_follow_up": permissions.user_can_record_follow_up,
    "manage": permissions.user_can_manage_profile,
}


@pytest.mark.parametrize(
    ("role", "decision", "expected"),
    [
        (role, decision, answers[column])
        for role, answers in DECISIONS.items()
        for column, decision in enumerate([*PROFILE_CHECKS, "export_list"])
    ],
)
def test_access_matrix(world, role, decision, expected):
    user = user_for(world, role)
    if decision == "export_list":
        assert permissions.user_can_export_profile_list(user) is expected
    else:
        assert PROFILE_CHECKS[decision](user, world.tp.profile) is expected


# Which profiles each role's querysets hold, among the five in ``world``.
ALL = {"profile", "another", "other_school", "other_la", "no_school"}
VISIBLE = {
    "anonymous": set(),
    "aspirant": {"profile"},
    "another_aspirant": {"another"},
    "sip_of_school": {"profile", "another"},
    "sip_of_other_school": {"other_school"},
    "sip_assignment_ended": set(),
    "sip_assignment_starts_tomorrow": set(),
    "sip_assignment_ends_today": {"profile", "another"},
    "sip_of_other_la_assigned_here": set(),
    "assigned_but_not_a_sip": set(),
    "officer": {"profile", "another", "other_school"},
    "officer_of_other_la": {"other_la"},
    "officer_without_membership": set(),
    "inactive_officer": set(),
    "moderator": set(),
    "superuser": ALL,
}
OWN = {"aspirant": {"profile"}, "another_aspirant": {"another"}}
MANAGED = {
    "officer": {"profile", "another", "other_school"},
    "officer_of_other_la": {"other_la"},
    "superuser": ALL,
}


def _names(world, queryset) -> set[str]:
    pks = list(queryset.values_list("pk", flat=True))
    assert len(pks) == len(set(pks)), "a profile appears twice"
    return {name for name, profile in world.profiles.items() if profile.pk in pks}


@pytest.mark.parametrize("role", ROLES)
def test_profiles_visible_to(world, role):
    assert _names(world, permissions.profiles_visible_to(user_for(world, role))) == VISIBLE[role]


@pytest.mark.parametrize("role", ROLES)
def test_profiles_reviewable_by_is_what_is_visible_less_their_own(world, role):
    expected = ALL if role == "superuser" else VISIBLE[role] - OWN.get(role, set())
    assert _names(world, permissions.profiles_reviewable_by(user_for(world, role))) == expected


@pytest.mark.parametrize("role", ROLES)
def test_profiles_manageable_by(world, role):
    assert _names(world, permissions.profiles_manageable_by(user_for(world, role))) == MANAGED.get(
        role, set()
    )


@pytest.mark.parametrize("role", ROLES)
def test_profiles_editable_by(world, role):
    expected = ALL if role == "superuser" else OWN.get(role, set())
    assert _names(world, permissions.profiles_editable_by(user_for(world, role))) == expected


@pytest.mark.parametrize("role", ROLES)
def test_every_check_agrees_with_its_queryset_for_every_profile(world, role):
    user = user_for(world, role)
    pairs = [
        (permissions.user_can_view_profile, permissions.profiles_visible_to),
        (permissions.user_can_edit_profile, permissions.profiles_editable_by),
        (permissions.user_can_record_follow_up, permissions.profiles_reviewable_by),
        (permissions.user_can_manage_profile, permissions.profiles_manageable_by),
    ]
    for check, queryset in pairs:
        allowed = set(queryset(user).values_list("pk", flat=True))
        for name, profile in world.profiles.items():
            assert check(user, profile) is (profile.pk in allowed), (check.__name__, name)


ROLE_GROUPS = {
    "aspirant": "aspirant",
    "another_aspirant": "aspirant",
    "sip_of_school": "sip",
    "sip_of_other_school": "sip",
    "sip_assignment_ended": "sip",
    "sip_assignment_starts_tomorrow": "sip",
    "sip_assignment_ends_today": "sip",
    "sip_of_other_la_assigned_here": "sip",
    "officer": "officer",
    "officer_of_other_la": "officer",
    "officer_without_membership": "officer",
}


@pytest.mark.parametrize("role", ROLES)
def test_role_membership(world, role):
    user = user_for(world, role)
    expected = ROLE_GROUPS.get(role)
    assert permissions.is_aspirant(user) is (expected == "aspirant")
    assert permissions.is_sip(user) is (expected == "sip")
    assert permissions.is_la_officer(user) is (expected == "officer")


# Edges the table leaves implicit -----------------------------------------------------------------


def test_a_superuser_in_every_group_still_counts_as_no_role(world):
    user = UserFactory(is_superuser=True)
    user.groups.add(*Group.objects.all())
    assert not permissions.is_aspirant(user)
    assert not permissions.is_sip(user)
    assert not permissions.is_la_officer(user)


def test_a_profile_without_a_school_is_seen_only_by_its_owner_and_superusers(world):
    orphan = world.profiles["no_school"]
    seen_by = {role for role in ROLES if permissions.user_can_view_profile(user_for(world, role), orphan)}
    assert seen_by == {"superuser"}
    assert permissions.user_can_view_profile(orphan.user, orphan)


def test_a_sip_never_records_a_follow_up_on_their_own_profile(world):
    tp = world.tp
    tp.aspirant.groups.add(Group.objects.get(name=SCHOOL_IMPROVEMENT_PARTNERS))
    LocalAuthorityMembership.objects.create(user=tp.aspirant, local_authority=tp.local_authority)
    SIPAssignmentFactory(sip=tp.aspirant, school=tp.school)
    assert permissions.user_can_view_profile(tp.aspirant, tp.profile)
    assert not permissions.user_can_record_follow_up(tp.aspirant, tp.profile)
    assert permissions.user_can_record_follow_up(tp.aspirant, world.profiles["another"])
    assert _names(world, permissions.profiles_reviewable_by(tp.aspirant)) == {"another"}


def test_a_sip_assigned_twice_to_a_school_sees_each_profile_once(world):
    tp = world.tp
    SIPAssignmentFactory(sip=tp.sip_of_school, school=tp.school, starts_on=TODAY() - 3 * DAY)
    assert _names(world, permissions.profiles_visible_to(tp.sip_of_school)) == {"profile", "another"}


def test_a_sip_loses_access_the_day_after_the_assignment_ends(world):
    tp = world.tp
    SIPAssignment.objects.filter(sip=tp.sip_of_school).update(ends_on=TODAY() - DAY)
    assert not permissions.user_can_view_profile(tp.sip_of_school, tp.profile)


def test_moving_school_moves_the_profile_to_the_new_schools_sip(world):
    tp = world.tp
    tp.profile.school = tp.other_school
    tp.profile.save()
    assert not permissions.user_can_view_profile(tp.sip_of_school, tp.profile)
    assert permissions.user_can_view_profile(tp.sip_of_other_school, tp.profile)
    assert permissions.user_can_view_profile(tp.officer, tp.profile)


def test_current_sip_assignments_on_a_given_day(talent_pool):
    today = TODAY()
    ended = SIPAssignment.objects.get(sip=talent_pool.sip_assignment_ended)
    assert ended not in permissions.current_sip_assignments()
    assert ended in permissions.current_sip_assignments(on=today - DAY)
    assert ended in permissions.current_sip_assignments(on=ended.starts_on)
    assert ended not in permissions.current_sip_assignments(on=ended.starts_on - DAY)
    assert set(permissions.current_sip_assignments()) == set(
        SIPAssignment.objects.filter(sip__in=[talent_pool.sip_of_school, talent_pool.sip_of_other_school])
    )


# Querysets for get_object_or_404 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("queryset", "factory"),
    [
        (permissions.career_steps_editable_by, CareerStepFactory),
        (permissions.quality_ratings_editable_by, QualityRatingFactory),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_owner_reaches_their_steps_and_ratings(world, role, queryset, factory):
    mine = factory(profile=world.tp.profile)
    theirs = factory(profile=world.profiles["another"])
    user = user_for(world, role)
    reachable = set(queryset(user))
    if role == "superuser":
        assert {mine, theirs} <= reachable
        return
    assert (mine in reachable) is (role == "aspirant")
    assert (theirs in reachable) is (role == "another_aspirant")
    if role != "aspirant":
        with pytest.raises(Http404):
            get_object_or_404(queryset(user), pk=mine.pk)


# Cost ---------------------------------------------------------------------------------------------


def test_each_decision_costs_at_most_one_query(world, django_assert_num_queries):
    tp = world.tp
    with django_assert_num_queries(1):
        assert len(list(permissions.profiles_visible_to(tp.officer))) == 3
    with django_assert_num_queries(1):
        assert permissions.user_can_view_profile(tp.sip_of_school, tp.profile)
    with django_assert_num_queries(1):
        assert permissions.user_can_record_follow_up(tp.officer, tp.profile)
    with django_assert_num_queries(1):
        assert permissions.user_can_export_profile_list(tp.sip_of_school)
    with django_assert_num_queries(0):
        assert permissions.user_can_view_profile(tp.aspirant, tp.profile)
        assert permissions.user_can_edit_profile(tp.aspirant, tp.profile)
        assert not permissions.user_can_edit_profile(tp.officer, tp.profile)
        assert not permissions.user_can_view_profile(AnonymousUser(), tp.profile)
