"""Fixtures shared by every app's tests: one per role, and the site's page tree."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from home.factories import UserFactory
from programmes.factories import LocalAuthorityFactory, SchoolFactory, page_tree_factory
from programmes.roles import LA_OFFICERS, MODERATORS
from talentpool.factories import AspirantProfileFactory, SIPAssignmentFactory, staff_user

pytest_plugins = ["portal.testing.browser"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and Wagtail's caches live in the cache: no test inherits another's."""
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """A site with a home page and one programme section, as an LA would set it up."""
    return page_tree_factory()


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, username="admin")


@pytest.fixture
def la_officer(db):
    user = UserFactory(username="officer")
    user.groups.add(Group.objects.get(name=LA_OFFICERS))
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderator")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def talent_pool(db):
    """Everyone in DESIGN.md's access table, around one aspirant's profile.

    Bedford has two schools: the aspirant's (with a current SIP, and a SIP whose assignment
    ended yesterday) and another (with its own SIP). Thurrock is another LA with its own officer.
    """
    today = timezone.localdate()
    bedford = LocalAuthorityFactory(name="Bedford")
    thurrock = LocalAuthorityFactory(name="Thurrock")
    school = SchoolFactory(name="Oakfield Primary", local_authority=bedford)
    other_school = SchoolFactory(name="Riverside Academy", local_authority=bedford)
    profile = AspirantProfileFactory(
        school=school, user__username="aspirant", user__first_name="Asha", user__last_name="Patel"
    )
    return SimpleNamespace(
        local_authority=bedford,
        other_local_authority=thurrock,
        school=school,
        other_school=other_school,
        profile=profile,
        aspirant=profile.user,
        another_aspirant=AspirantProfileFactory(school=school, user__username="another").user,
        sip_of_school=SIPAssignmentFactory(school=school).sip,
        sip_of_other_school=SIPAssignmentFactory(school=other_school).sip,
        sip_assignment_ended=SIPAssignmentFactory(
            school=school,
            starts_on=today - datetime.timedelta(days=400),
            ends_on=today - datetime.timedelta(days=1),
        ).sip,
        officer=staff_user(group=LA_OFFICERS, local_authority=bedford, username="bedford-officer"),
        officer_of_other_la=staff_user(
            group=LA_OFFICERS, local_authority=thurrock, username="thurrock-officer"
        ),
    )
